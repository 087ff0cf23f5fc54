import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import type { JsonRpcLogEntry } from './loggingTransport';
import { answerTo, rawResult } from './rawResult';

const entry = (direction: JsonRpcLogEntry['direction'], json: string): JsonRpcLogEntry => ({ direction, at: 0, message: JSON.parse(json) as JSONRPCMessage });

describe('rawResult: the result exactly as the server sent it', () => {
  it('keeps keys the SDK drops, such as __proto__', () => {
    const log = [
      entry('sent', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}'),
      entry('received', '{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"__proto__":{"polluted":true}}}}'),
    ];
    const result = rawResult(log, 'tools/call');
    expect(Object.keys(result?.structuredContent as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes the answer to the latest request of that method, not an earlier one', () => {
    const log = [
      entry('sent', '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'),
      entry('received', '{"jsonrpc":"2.0","id":1,"result":{"tools":[],"page":1}}'),
      entry('sent', '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":"c"}}'),
      entry('received', '{"jsonrpc":"2.0","id":2,"result":{"tools":[],"page":2}}'),
    ];
    expect(rawResult(log, 'tools/list')?.page).toBe(2);
  });

  it('is not fooled by a server request that reuses the id of the panel’s request', () => {
    const log = [
      entry('sent', '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"x"}}'),
      entry('received', '{"jsonrpc":"2.0","id":3,"method":"sampling/createMessage","params":{}}'),
      entry('sent', '{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"Method not found"}}'),
      entry('received', '{"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text","text":"the real answer"}]}}'),
    ];
    expect(rawResult(log, 'tools/call')?.content).toEqual([{ type: 'text', text: 'the real answer' }]);
  });

  it('finds nothing when the server never answered, or answered with an error', () => {
    const unanswered = [entry('sent', '{"jsonrpc":"2.0","id":4,"method":"prompts/list"}')];
    expect(answerTo(unanswered, 'prompts/list')).toBeUndefined();
    const refused = [...unanswered, entry('received', '{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"nope"}}')];
    expect(answerTo(refused, 'prompts/list')).toMatchObject({ error: { code: -32601 } });
    expect(rawResult(refused, 'prompts/list')).toBeUndefined();
  });
});
