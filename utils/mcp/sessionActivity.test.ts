import { describe, expect, it } from 'vitest';
import { logEntry, serverRequestNote, unsupportedRequestAnswer } from './sessionActivity';

describe('what the panel answers and records when the server asks for something', () => {
  it('answers sampling, elicitation and roots with JSON-RPC "Method not found" naming what is not provided', () => {
    expect(unsupportedRequestAnswer('sampling/createMessage')).toEqual({
      code: -32601,
      message: 'MCP Token Inspector does not provide sampling (an LLM completion): it is a tester, not an MCP host.',
    });
    expect(unsupportedRequestAnswer('elicitation/create').message).toMatch(/does not provide elicitation/);
    expect(unsupportedRequestAnswer('roots/list').message).toMatch(/does not provide roots/);
    expect(unsupportedRequestAnswer('tasks/get')).toEqual({ code: -32601, message: 'Method not found' });
    expect(unsupportedRequestAnswer('__proto__')).toEqual({ code: -32601, message: 'Method not found' });
  });

  it('says in the report that the server asked for X, which this tester does not provide', () => {
    expect(serverRequestNote('elicitation/create')).toEqual({
      method: 'elicitation/create',
      text: 'The server asked for elicitation (elicitation/create), which this tester does not provide: answered with JSON-RPC error -32601.',
    });
    expect(serverRequestNote('sampling/createMessage').text).toMatch(
      /^The server asked for sampling \(sampling\/createMessage\), which this tester does not provide/,
    );
    expect(serverRequestNote('x/y').text).toBe(
      'The server sent a request this tester does not know (x/y): answered with JSON-RPC error -32601 (Method not found).',
    );
    expect(serverRequestNote('m'.repeat(10_000)).method).toHaveLength(101);
  });

  it('turns a log message into a line: strings as they are, other data as compact JSON, capped; odd fields tolerated', () => {
    expect(logEntry({ level: 'info', logger: 'db', data: 'connected' })).toEqual({ level: 'info', logger: 'db', text: 'connected' });
    expect(logEntry({ level: 'error', data: { code: 5, why: ['a'] } })).toEqual({ level: 'error', text: '{"code":5,"why":["a"]}' });
    expect(logEntry({ level: 7, logger: {}, data: undefined })).toEqual({ level: 'info', text: 'null' });
    expect(logEntry({ level: 'debug', data: 'x'.repeat(100_000) }).text).toHaveLength(4000);
    expect(logEntry(JSON.parse('{"__proto__":{"level":"alert"},"data":"d"}'))).toEqual({ level: 'info', text: 'd' });
  });
});
