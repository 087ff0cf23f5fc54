import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { copyText } from '../../platform/clipboard';
import { devtoolsTheme } from '../../platform/devtoolsNetwork';
import { hasHostAccess, requestHostAccess } from '../../platform/hostAccess';
import { loadRecentTargets, loadSettings, saveRecentTargets, saveSettings } from '../../platform/settings';
import { inspectedPageOrigin, onHostPermissionsChanged } from '../../platform/siteAccess';
import { connectTokenFeed } from '../../platform/tokenFeed';
import { App } from './App';
import { startClock } from './clock';
import { workerSchemaChecker } from './schemaWorker';
import { PanelServicesContext, type PanelServices } from './services';
import { panelActions, usePanelStore } from './store';

// The panel's browser glue, all of it: the services are built here once and handed to the stores
// and (through context) to the views, which never touch `browser` themselves.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
// Host access is asked before every test and call; it changes only when the user allows or withdraws a site.
const hostAccessCache = new Map<string, Promise<boolean>>();
onHostPermissionsChanged(() => hostAccessCache.clear());
const cachedHostAccess = (origin: string) => {
  if (!hostAccessCache.has(origin)) hostAccessCache.set(origin, hasHostAccess(origin));
  return hostAccessCache.get(origin)!;
};
const feed = connectTokenFeed(panelActions.receive);
const services: PanelServices = {
  feed,
  copy: copyText,
  hasHostAccess: cachedHostAccess,
  requestHostAccess,
  saveSettings,
  loadRecentTargets,
  saveRecentTargets,
  fetch: (input, init) => fetch(input, init),
  schemaChecker: workerSchemaChecker,
  setServerClockSkew: panelActions.setServerClockSkew,
  // Shown at once; the capture side keeps it with the tab's capture and sends the list back.
  recordTestRun: (run) => {
    panelActions.addTestRun(run);
    feed.recordTestRun(run);
  },
  recordAuthReport: panelActions.setAuthReport,
};
startClock(panelActions.tick);
void loadSettings().then(panelActions.setSettings);
if (services.feed.mode === 'devtools') {
  // Whether the extension may access the inspected site decides how token responses are captured.
  const refreshAccess = () => {
    const origin = usePanelStore.getState().page.origin;
    if (origin) void hasHostAccess(origin).then((granted) => panelActions.setSiteAccess(origin, granted));
  };
  onHostPermissionsChanged(refreshAccess);
  usePanelStore.subscribe((state, previous) => {
    if (state.page.origin !== previous.page.origin) refreshAccess();
  });
  void inspectedPageOrigin().then(panelActions.setPageOrigin);
}

// data-ready (docs/AUTOMATION.md) is set by App once it has rendered: the feed is open and the DOM is there.
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary area="panel">
    <PanelServicesContext.Provider value={services}>
      <App />
    </PanelServicesContext.Provider>
  </ErrorBoundary>,
);
