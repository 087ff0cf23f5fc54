import { formatDuration } from '../tokens/expiry';
import type { McpTestReport } from './runToolsTest';
import { withoutQuery } from '../urls';

/**
 * The test report as Markdown for an issue or a chat: no token values (the report never holds
 * one: only its fingerprint), secret headers already redacted in the exchange log.
 */
export function reportMarkdown(report: McpTestReport, nowMs: number): string {
  const lines = [`### MCP test: ${report.outcome === 'pass' ? 'pass' : `fail (${report.failure?.kind ?? report.outcome})`}`, ''];
  lines.push(`- Endpoint: ${withoutQuery(report.url)}`);
  if (report.transport) lines.push(`- Transport: ${report.transport}${report.fellBackToSse ? ' (fell back from Streamable HTTP)' : ''}`);
  if (report.server) lines.push(`- Server: ${report.server.name} ${report.server.version}`);
  if (report.protocolVersion) lines.push(`- Protocol: ${report.protocolVersion}`);
  if (report.steps.length) lines.push(`- Steps: ${report.steps.map((s) => `${s.name} ${s.ms} ms`).join(', ')}`);
  if (report.outcome === 'pass') {
    lines.push(`- Tools (${report.tools.length}): ${report.tools.map((t) => t.name).join(', ')}`);
    if (report.resources) lines.push(`- Resources: ${report.resources.length}, resource templates: ${report.resourceTemplates?.length ?? 0}`);
    if (report.prompts) lines.push(`- Prompts (${report.prompts.length}): ${report.prompts.map((p) => p.name).join(', ')}`);
    for (const note of report.listNotes ?? []) lines.push(`- ${note}`);
  }
  for (const request of report.activity?.serverRequests ?? []) lines.push(`- ${request.text}`);
  if (report.token) {
    const left =
      report.token.expiresAt === undefined
        ? 'expiry unknown'
        : `${formatDuration(report.token.expiresAt - nowMs / 1000)} ${report.token.expiresAt * 1000 > nowMs ? 'left' : 'since expiry'}`;
    lines.push(`- Token: fingerprint ${report.token.fingerprint} (${left})`);
  } else lines.push('- Token: none sent');
  if (report.failure) {
    lines.push('', `**${report.failure.message}**`);
    if (report.failure.wwwAuthenticate) lines.push('', `WWW-Authenticate: \`${report.failure.wwwAuthenticate}\``);
    if (report.failure.detail) lines.push('', report.failure.detail);
  }
  return lines.join('\n');
}
