/** Name of the runtime port the in-page recorder's relay opens to the devtools page. */
export const RECORDER_PORT_NAME = 'mcp-token-inspector/recorder';
