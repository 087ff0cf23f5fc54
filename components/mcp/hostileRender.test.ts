import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TOOLS } from '../../test-support/hostileMcpServer';
import type { ToolCallReport } from '../../utils/mcp/callTool';
import { argumentsText, initialArguments } from '../../utils/mcp/schemaForm';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { emptyActivity } from '../../utils/mcp/sessionActivity';
import { TestReport } from './TestReport';
import { ToolCaller } from './ToolCaller';
import { ToolList } from './ToolList';
import { ToolResultView } from './ToolResultView';

const noop = () => {};
const copy = async () => true;
const callerHtml = (tool: Tool) =>
  renderToString(
    createElement(ToolCaller, {
      tool,
      argsText: argumentsText(initialArguments(tool.inputSchema)),
      calling: false,
      onArgsText: noop,
      onCall: noop,
    }),
  );
const visibleText = (html: string) => html.replace(/<[^>]+>/g, '');

describe('panel parts given what a hostile server sends', () => {
  it('renders the form of every hostile tool: enum {"toString":1}, __proto__ keys, a 5,000-level schema', () => {
    for (const tool of HOSTILE_TOOLS as Tool[]) expect(() => callerHtml(tool), tool.name).not.toThrow();
    const html = callerHtml(HOSTILE_TOOLS[0] as Tool);
    expect(html).toContain('{&quot;toString&quot;:1}');
    expect(html).toContain('data-arg="__proto__"');
  });

  it('shows a huge tool result as the first part and "… N KB more", not all of it', () => {
    const text = 'x'.repeat(5_000_000);
    const report: ToolCallReport = {
      outcome: 'pass',
      tool: 't',
      result: { content: [{ type: 'text', text }], structuredContent: { big: text } },
      exchanges: [],
      messages: [],
      activity: emptyActivity(),
      ms: 1,
      totalMs: 2,
    };
    const html = renderToString(createElement(ToolResultView, { report, copy }));
    expect(html.length).toBeLessThan(400_000);
    expect(visibleText(html)).toMatch(/… [\d,]+ KB more/);
  });

  it('caps long descriptions in the tool list and long server instructions and failure details in the report', () => {
    const long = 'd'.repeat(2_000_000);
    const tools = [{ name: 't', description: long, inputSchema: { type: 'object' } }] as Tool[];
    const listHtml = renderToString(createElement(ToolList, { tools, onSelect: noop }));
    expect(listHtml.length).toBeLessThan(200_000);
    expect(visibleText(listHtml)).toMatch(/KB more/);
    const report: McpTestReport = {
      outcome: 'fail',
      url: 'https://x.example/mcp',
      fellBackToSse: false,
      steps: [],
      tools: [],
      instructions: long,
      failure: { kind: 'server-error', message: 'm', detail: long, wwwAuthenticate: `Bearer realm="${long}"` },
      exchanges: [],
      messages: [],
      totalMs: 1,
      finishedAt: 0,
    };
    const reportHtml = renderToString(createElement(TestReport, { report, run: 1, nowMs: 0, copy, onGrantHostAccess: noop }));
    expect(reportHtml.length).toBeLessThan(400_000);
  });
});
