import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinBudget } from './propertyTiming.test-helper';
import { expandTemplate, templateVariables } from './uriTemplate';

describe('URI templates (RFC 6570) for resource templates', () => {
  it('finds the variables of the simple, reserved, path and query forms, each once', () => {
    expect(templateVariables('demo://sections/{id}')).toEqual(['id']);
    expect(templateVariables('file:///{+path}')).toEqual(['path']);
    expect(templateVariables('https://x.example/repos{/owner,repo}/issues{?state,labels}{&page}')).toEqual(['owner', 'repo', 'state', 'labels', 'page']);
    expect(templateVariables('x://{a}/{a}{?a}')).toEqual(['a']);
    expect(templateVariables('x://{list*}/{name:3}')).toEqual(['list', 'name']);
  });

  it('keeps malformed expressions as literal text and finds no variables in them', () => {
    expect(templateVariables('x://{}/{a b}/{=x}/{open')).toEqual([]);
    expect(expandTemplate('x://{}/{a b}/{open', {})).toBe('x://{}/{a b}/{open');
  });

  it('expands the RFC 6570 examples', () => {
    const v = { var: 'value', hello: 'Hello World!', path: '/foo/bar', x: '1024', y: '768', empty: '' };
    expect(expandTemplate('{var}', v)).toBe('value');
    expect(expandTemplate('{hello}', v)).toBe('Hello%20World%21');
    expect(expandTemplate('{+hello}', v)).toBe('Hello%20World!');
    expect(expandTemplate('{+path}/here', v)).toBe('/foo/bar/here');
    expect(expandTemplate('{#path}', v)).toBe('#/foo/bar');
    expect(expandTemplate('map?{x,y}', v)).toBe('map?1024,768');
    expect(expandTemplate('{/var,x}/here', v)).toBe('/value/1024/here');
    expect(expandTemplate('{?x,y}', v)).toBe('?x=1024&y=768');
    expect(expandTemplate('?fixed=yes{&x}', v)).toBe('?fixed=yes&x=1024');
    expect(expandTemplate('{.var}', v)).toBe('.value');
    expect(expandTemplate('{;x,y}', v)).toBe(';x=1024;y=768');
    expect(expandTemplate('{var:3}', v)).toBe('val');
  });

  it('leaves out variables with no value (an empty field), as undefined ones', () => {
    expect(expandTemplate('demo://search{?q,limit}', { q: 'pri', limit: '' })).toBe('demo://search?q=pri');
    expect(expandTemplate('demo://search{?q,limit}', {})).toBe('demo://search');
    expect(expandTemplate('demo://sections/{id}', { id: '' })).toBe('demo://sections/');
  });

  it('encodes what a user types, so it cannot change the shape of the URI', () => {
    expect(expandTemplate('demo://sections/{id}', { id: '../admin?x=1#y' })).toBe('demo://sections/..%2Fadmin%3Fx%3D1%23y');
    expect(expandTemplate('{+p}', { p: 'a b%2Fc%zz' })).toBe('a%20b%2Fc%25zz');
    expect(expandTemplate('{v}', { v: 'é😀' })).toBe('%C3%A9%F0%9F%98%80');
    expect(expandTemplate('{v}', { v: '\ud800' })).toBe('%EF%BF%BD');
  });

  it('reads only own values: a variable named __proto__ or toString is just a name', () => {
    expect(expandTemplate('{toString}/{__proto__}', {})).toBe('/');
    expect(expandTemplate('{__proto__}', JSON.parse('{"__proto__":"p"}') as Record<string, string>)).toBe('p');
  });

  it('property: a simple variable expands to text that decodes back to the value, and no expansion throws or takes long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const uri = expandTemplate('x://a/{v}/b', { v: value });
        expect(uri).toMatch(/^x:\/\/a\/[A-Za-z0-9\-._~%]*\/b$/);
        if (value !== '') expect(decodeURIComponent(uri.slice('x://a/'.length, -'/b'.length))).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 20 })), (template, values) => {
        withinBudget(
          () => {
            const names = templateVariables(template);
            const uri = expandTemplate(template, values);
            expect(typeof uri).toBe('string');
            return names;
          },
          () => template,
        );
      }),
    );
  });
});
