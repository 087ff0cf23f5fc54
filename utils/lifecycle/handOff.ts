import type { HandOffFormat, HandOffInput } from './model';

export const HAND_OFF_FORMATS: readonly { format: HandOffFormat; label: string }[] = [
  { format: 'env', label: '.env line' },
  { format: 'mcp-remote', label: 'mcp-remote' },
  { format: 'inspector-cli', label: 'MCP Inspector CLI' },
  { format: 'claude-desktop', label: 'Claude Desktop' },
  { format: 'claude-code', label: 'Claude Code' },
  { format: 'claude-api', label: 'Anthropic Messages API' },
  { format: 'curl', label: 'curl' },
];

/** The text the copy button copies: the token only when `input.token` is given, else `<TOKEN>`. */
export function handOffSnippet(format: HandOffFormat, input: HandOffInput): string {
  void format;
  void input;
  throw new Error('not yet');
}
