import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';

export interface SdkListing {
  /** Tool names, in the server's order. */
  tools: string[];
  /** Resource URIs. */
  resources: string[];
  /** Resource template URI templates. */
  resourceTemplates: string[];
  /** Prompt names. */
  prompts: string[];
  /** How many pages each list took, to tell whether paging was exercised at all. */
  pages: { tools: number; resources: number; resourceTemplates: number; prompts: number };
}

export interface SdkListingOptions {
  /**
   * What the client declares. Servers may offer different tools to different clients (the reference
   * server adds sampling, elicitation and roots tools only for clients that declare those), so the
   * reference listing must declare what the client it is compared with declares.
   */
  capabilities?: ClientCapabilities;
}

/** Every page of one list, following nextCursor; stops on a repeated cursor instead of looping. */
async function allPages<T>(list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(cursor);
    pages++;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor !== undefined && seen.has(cursor)) throw new Error(`The server repeated the cursor ${JSON.stringify(cursor)}`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return { items, pages };
}

/**
 * Runs `work` with the official Node SDK client connected to `url` (a URL ending in /sse over the
 * legacy HTTP+SSE transport, anything else over Streamable HTTP), and always ends the session.
 */
export async function withSdkClient<T>(url: string, work: (client: Client) => Promise<T>, { capabilities = {} }: SdkListingOptions = {}): Promise<T> {
  const client = new Client({ name: 'sdk-reference-client', version: '1.0.0' }, { capabilities });
  const endpoint = new URL(url);
  const transport = endpoint.pathname.endsWith('/sse') ? new SSEClientTransport(endpoint) : new StreamableHTTPClientTransport(endpoint);
  await client.connect(transport);
  try {
    return await work(client);
  } finally {
    if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
    await client.close();
  }
}

/**
 * What the official Node SDK client lists from `url` (all pages, only the capabilities the server
 * advertises): the reference the panel's lists are compared with.
 */
export function listWithSdk(url: string, options: SdkListingOptions = {}): Promise<SdkListing> {
  return withSdkClient(
    url,
    async (client) => {
      const advertised = client.getServerCapabilities() ?? {};
      const none = { items: [] as string[], pages: 0 };
      const tools = advertised.tools
        ? await allPages(async (cursor) => {
            const r = await client.listTools(cursor ? { cursor } : {});
            return { items: r.tools.map((t) => t.name), nextCursor: r.nextCursor };
          })
        : none;
      const resources = advertised.resources
        ? await allPages(async (cursor) => {
            const r = await client.listResources(cursor ? { cursor } : {});
            return { items: r.resources.map((x) => x.uri), nextCursor: r.nextCursor };
          })
        : none;
      const resourceTemplates = advertised.resources
        ? await allPages(async (cursor) => {
            const r = await client.listResourceTemplates(cursor ? { cursor } : {});
            return { items: r.resourceTemplates.map((x) => x.uriTemplate), nextCursor: r.nextCursor };
          })
        : none;
      const prompts = advertised.prompts
        ? await allPages(async (cursor) => {
            const r = await client.listPrompts(cursor ? { cursor } : {});
            return { items: r.prompts.map((p) => p.name), nextCursor: r.nextCursor };
          })
        : none;
      return {
        tools: tools.items,
        resources: resources.items,
        resourceTemplates: resourceTemplates.items,
        prompts: prompts.items,
        pages: { tools: tools.pages, resources: resources.pages, resourceTemplates: resourceTemplates.pages, prompts: prompts.pages },
      };
    },
    options,
  );
}
