import { serveSchemaChecks } from '../../utils/mcp/schemaChecker';

// The panel's schema checks run here, where a server's catastrophic regex can be stopped (the panel
// terminates this worker when a check takes too long).
const scope = self as unknown as { postMessage(data: unknown): void; addEventListener(type: 'message', listener: (event: MessageEvent) => void): void };
serveSchemaChecks({ post: (data) => scope.postMessage(data), onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)) });
