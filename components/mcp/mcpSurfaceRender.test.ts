import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PromptGetReport } from '../../utils/mcp/getPrompt';
import type { ResourceReadReport } from '../../utils/mcp/readResource';
import type { McpTestReport } from '../../utils/mcp/runToolsTest';
import { emptyActivity } from '../../utils/mcp/sessionActivity';
import { PromptForm, PromptMessagesView } from './PromptPane';
import { ResourceResultView, TemplateForm } from './ResourcePane';
import { LiveActivityView, OperationFailure } from './SessionActivityView';
import { TestReport } from './TestReport';

const copy = async () => true;
const noop = () => {};
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const base = { outcome: 'pass' as const, exchanges: [], messages: [], activity: emptyActivity(), ms: 3, totalMs: 9 };
const html = (el: Parameters<typeof renderToString>[0]) => renderToString(el);
/** What a user reads: tags and React's text separators left out. */
const visible = (markup: string) => markup.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '');

describe('what the panel renders of resources, prompts and server messages', () => {
  it('shows resource text as text, JSON pretty-printed, PNG as a data: image, and SVG only by size and type', () => {
    const report: ResourceReadReport = {
      ...base,
      uri: 'demo://x',
      value: {
        contents: [
          { uri: 'a', mimeType: 'text/markdown', text: '# T\n<script>alert(1)</script><img src=x onerror=alert(1)>' },
          { uri: 'b', mimeType: 'application/json', text: '{"a":[1]}' },
          { uri: 'c', mimeType: 'image/png', blob: PNG },
          { uri: 'd', mimeType: 'image/svg+xml', blob: btoa('<svg onload="alert(1)"/>') },
        ],
      },
    };
    const out = html(createElement(ResourceResultView, { report, copy }));
    expect(out).toContain('data-testid="resource-content"');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toMatch(/<script|<img src="x"/);
    expect(out).toContain('{\n  &quot;a&quot;: [\n    1\n  ]\n}');
    expect(out.match(/<img [^>]*src="([^"]+)"/g)).toEqual([`<img class="content-image" alt="image/png image" src="data:image/png;base64,${PNG}"`]);
    expect(visible(out)).toContain('Binary, 24 bytes, image/svg+xml.');
  });

  it('says a failed read in one sentence, under its own name, not as content', () => {
    const report: ResourceReadReport = { ...base, outcome: 'fail', uri: 'demo://x', failure: { kind: 'protocol', message: 'Not MCP', detail: 'No section 9' } };
    const out = html(createElement(ResourceResultView, { report, copy }));
    expect(out).toContain('data-testid="resource-error"');
    expect(out).not.toContain('resource-content');
  });

  it('marks required prompt arguments and shows each message with its role', () => {
    const form = html(
      createElement(PromptForm, {
        prompt: { name: 'p', arguments: [{ name: 'city', required: true, description: 'City <b>' }, { name: 'state' }] },
        values: JSON.parse('{"__proto__":"x"}') as Record<string, string>,
        getting: false,
        onValue: noop,
        onGet: noop,
      }),
    );
    expect(form).toMatch(/data-testid="prompt-arg" data-name="city" data-required="true" aria-required="true"/);
    expect(form).toMatch(/data-testid="prompt-arg" data-name="state" data-required="false"/);
    expect(form).toContain('City &lt;b&gt;');
    expect(visible(form)).toContain('Required: city');
    const report: PromptGetReport = {
      ...base,
      prompt: 'p',
      args: {},
      value: {
        messages: [
          { role: 'user', content: { type: 'text', text: 'Hi <i>there</i>' } },
          { role: 'assistant', content: { type: 'resource', resource: { uri: 'r', mimeType: 'application/json', text: '{"k":1}' } } },
        ],
      },
    };
    const out = html(createElement(PromptMessagesView, { report, copy }));
    expect(out.match(/data-testid="prompt-message" data-role="(\w+)"/g)).toEqual([
      'data-testid="prompt-message" data-role="user"',
      'data-testid="prompt-message" data-role="assistant"',
    ]);
    expect(out).toContain('Hi &lt;i&gt;there&lt;/i&gt;');
    expect(out).toContain('&quot;k&quot;: 1');
  });

  it('offers a field per template variable and shows the URI they expand to', () => {
    const out = html(
      createElement(TemplateForm, { uriTemplate: 'demo://search{?q,limit}', values: { q: 'a b' }, reading: false, onValue: noop, onRead: noop }),
    );
    expect(out.match(/data-testid="template-var" data-name="(\w+)"/g)).toEqual([
      'data-testid="template-var" data-name="q"',
      'data-testid="template-var" data-name="limit"',
    ]);
    expect(out).toContain('demo://search?q=a%20b');
  });

  it('shows live progress with the raw numbers, the log as text, the server requests, and Cancel', () => {
    const out = html(
      createElement(LiveActivityView, {
        live: {
          kind: 'call',
          progress: { progress: 3, total: 5, percent: 60, count: 3 },
          log: [{ level: 'error', logger: 'db', text: '<b>down</b>' }],
          requests: [{ method: 'elicitation/create', text: 'The server asked for elicitation …' }],
        },
        onCancel: noop,
      }),
    );
    expect(out).toMatch(/data-testid="call-progress" data-progress="3" data-total="5"/);
    expect(out).toContain('<progress value="60" max="100">');
    expect(out).toMatch(/data-testid="server-log-line" data-level="error"/);
    expect(out).toContain('&lt;b&gt;down&lt;/b&gt;');
    expect(out).toMatch(/data-testid="server-request" data-method="elicitation\/create"/);
    expect(out).toContain('data-testid="call-cancel"');
    const noTotal = html(
      createElement(LiveActivityView, { live: { kind: 'read', progress: { progress: 7, count: 1 }, log: [], requests: [] }, onCancel: noop }),
    );
    expect(noTotal).toMatch(/data-progress="7"/);
    expect(noTotal).not.toContain('data-total');
    expect(noTotal).not.toContain('server-log');
  });

  it('says what Cancel sent', () => {
    const out = html(
      createElement(OperationFailure, {
        report: { ...base, outcome: 'cancelled', cancellation: 'Cancelled: the panel sent notifications/cancelled for request 2.' },
        testId: 'tool-result',
        copy,
      }),
    );
    expect(out).toContain('data-testid="call-cancelled"');
    expect(out).toContain('notifications/cancelled for request 2');
  });

  it('counts only the lists the server advertises', () => {
    const report: McpTestReport = {
      outcome: 'pass',
      url: 'https://x.example/mcp',
      transport: 'streamable-http',
      fellBackToSse: false,
      steps: [],
      tools: [{ name: 't', inputSchema: { type: 'object' } }],
      prompts: [],
      exchanges: [],
      messages: [],
      totalMs: 1,
      finishedAt: 0,
    };
    const out = html(createElement(TestReport, { report, run: 1, nowMs: 0, copy, onGrantHostAccess: noop }));
    expect(out).toMatch(/data-testid="report-counts" data-tools="1" data-prompts="0">1 tool, 0 prompts</);
    const all = html(
      createElement(TestReport, {
        report: { ...report, resources: [{ uri: 'a', name: 'a' }], resourceTemplates: [] },
        run: 1,
        nowMs: 0,
        copy,
        onGrantHostAccess: noop,
      }),
    );
    expect(all).toMatch(/data-resources="1" data-resource-templates="0"/);
  });
});
