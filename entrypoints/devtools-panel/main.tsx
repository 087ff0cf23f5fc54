import { createRoot } from 'react-dom/client';
import { devtoolsTheme } from '../../platform/devtoolsNetwork';
import { loadRecentTargets, loadSettings } from '../../platform/settings';
import { mcpActions } from './mcpStore';
import { connectTokenFeed } from '../../platform/tokenFeed';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { App } from './App';
import { panelActions, usePanelStore } from './store';
import { hasHostAccess } from '../../platform/hostAccess';
import { startClock } from './clock';
import { inspectedPageOrigin, onHostPermissionsChanged } from '../../platform/siteAccess';

// Browser glue for the panel lives here; components get what they need as props.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
const feed = connectTokenFeed(panelActions.receive);
startClock(panelActions.tick);
void loadSettings().then(panelActions.setSettings);
void loadRecentTargets().then(mcpActions.setRecentTargets);
if (feed.mode === 'devtools') {
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
    <App feed={feed} />
  </ErrorBoundary>,
);
