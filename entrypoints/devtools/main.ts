// The devtools page: registers the panel and owns capture, because a panel page only loads the first
// time it is shown, while tokens must be seen from the moment DevTools opens.
import { createPanel, inspectedTabId } from '../../platform/devtoolsNetwork';
import { startCapture } from './startCapture';

createPanel('MCP Tokens', '/devtools-panel.html');
const tabId = inspectedTabId();
if (tabId !== undefined) startCapture(tabId);
