import { createRoot } from 'react-dom/client';
import { devtoolsTheme } from '../../platform/devtoolsNetwork';
import { loadRecentTargets, loadSettings } from '../../platform/settings';
import { mcpActions } from './mcpStore';
import { connectTokenFeed } from '../../platform/tokenFeed';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { App } from './App';
import { panelActions } from './store';
import { startClock } from './clock';

// Browser glue for the panel lives here; components get what they need as props.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
const feed = connectTokenFeed(panelActions.receive);
startClock(panelActions.tick);
void loadSettings().then(panelActions.setSettings);
void loadRecentTargets().then(mcpActions.setRecentTargets);

// data-ready (TEST-CONTRACT) is set by App once it has rendered: the feed is open and the DOM is there.
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary area="panel">
    <App feed={feed} />
  </ErrorBoundary>,
);
