import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContentItem } from './ContentItem';
import { PromptForm } from './PromptPane';
import { MAX_FIELDS, TemplateForm } from './ResourcePane';

const noop = () => {};
const visible = (markup: string) => markup.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '');

// A server may declare a template with thousands of variables or a prompt with thousands of
// arguments: the form is rendered again at every keystroke, so it shows a bounded number of fields.
describe('forms for templates and prompts with thousands of fields', () => {
  const n = 5000;

  it('gives the first variables of a 5,000-variable template a field, and says how many have none', () => {
    const uriTemplate = Array.from({ length: n }, (_, i) => `{v${i}}`).join('/');
    const out = renderToString(createElement(TemplateForm, { uriTemplate, values: { v0: 'x' }, reading: false, onValue: noop, onRead: noop }));
    expect(out.match(/data-testid="template-var"/g)).toHaveLength(MAX_FIELDS);
    expect(visible(out)).toContain(`${n - MAX_FIELDS} more variables have no field.`);
    expect(visible(out)).toContain('URI: x');
  });

  it('gives the first arguments of a 5,000-argument prompt a field, and says how many have none', () => {
    const prompt = { name: 'p', arguments: Array.from({ length: n }, (_, i) => ({ name: `a${i}`, required: true })) };
    const out = renderToString(createElement(PromptForm, { prompt, values: {}, getting: false, onValue: noop, onGet: noop }));
    expect(out.match(/data-testid="prompt-arg"/g)).toHaveLength(MAX_FIELDS);
    expect(visible(out)).toContain(`${n - MAX_FIELDS} more arguments have no field.`);
    expect(visible(out).length).toBeLessThan(20_000);
  });
});

describe('audio in a prompt message or tool result', () => {
  it('plays audio up to the size an image may have, and describes a larger one instead of putting it all in a data: URL', () => {
    const small = renderToString(createElement(ContentItem, { item: { type: 'audio', mimeType: 'audio/wav', data: 'UklGRg==' } }));
    expect(small).toContain('<audio controls="" src="data:audio/wav;base64,UklGRg=="');
    const huge = renderToString(createElement(ContentItem, { item: { type: 'audio', mimeType: 'audio/wav', data: 'A'.repeat(20 * 1024 * 1024) } }));
    expect(huge).not.toContain('<audio');
    expect(huge.length).toBeLessThan(1000);
  });
});
