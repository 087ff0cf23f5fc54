import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { deflateSync } from 'node:zlib';
import { z } from 'zod';

export const SECTIONS = ['Company overview', 'Products', 'Pricing', 'Case studies', 'Contact'];

/**
 * The demo MCP server's tools: one of each kind the panel must render — plain text, a sum,
 * structuredContent with an outputSchema, an isError result, an image, a resource link, an
 * embedded resource, and a destructive-annotated tool.
 */
export function createPortalMcpServer(name = 'demo-portal-mcp'): McpServer {
  const server = new McpServer({ name, version: '1.2.0' }, { capabilities: { tools: {}, logging: {} } });
  registerPortalTools(server);
  return server;
}

/** The portal's tools, on any server (the content server offers them too). */
export function registerPortalTools(server: McpServer): void {
  server.registerTool(
    'get_sections',
    { title: 'Get sections', description: 'Lists the sections of the presentation.', annotations: { readOnlyHint: true } },
    async () => ({ content: [{ type: 'text', text: SECTIONS.map((s, i) => `${i + 1}. ${s}`).join('\n') }] }),
  );

  server.registerTool(
    'add',
    {
      title: 'Add',
      description: 'Adds two numbers.',
      inputSchema: { a: z.number().describe('first addend'), b: z.number().describe('second addend') },
      annotations: { readOnlyHint: true, idempotentHint: true },
    },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );

  server.registerTool(
    'get_weather',
    {
      title: 'Get weather',
      description: 'Current weather for a city, as structured data.',
      inputSchema: { city: z.string().min(1).describe('city name'), units: z.enum(['metric', 'imperial']).default('metric'), detailed: z.boolean().optional() },
      outputSchema: { city: z.string(), temperature: z.number(), units: z.enum(['metric', 'imperial']), conditions: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ city, units }) => {
      const structuredContent = { city, temperature: units === 'imperial' ? 64 : 18, units, conditions: 'partly cloudy' };
      return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
    },
  );

  server.registerTool(
    'always_fails',
    { title: 'Always fails', description: 'Returns a tool error (isError), as a tool does when its backend is down.' },
    async () => ({ isError: true, content: [{ type: 'text', text: 'Backend unavailable: the Django API answered 503.' }] }),
  );

  server.registerTool(
    'get_logo',
    { title: 'Get logo', description: 'Returns the portal logo as a PNG image.', annotations: { readOnlyHint: true } },
    async () => ({ content: [{ type: 'image', data: logoPng().toString('base64'), mimeType: 'image/png' }] }),
  );

  server.registerTool(
    'get_docs',
    { title: 'Get docs', description: 'Returns a resource link and an embedded resource.', annotations: { readOnlyHint: true } },
    async () => ({
      content: [
        {
          type: 'resource_link',
          uri: 'https://docs.example.com/presentation',
          name: 'presentation-docs',
          mimeType: 'text/html',
          description: 'Full documentation',
        },
        {
          type: 'resource',
          resource: { uri: 'memo://release-notes', mimeType: 'text/markdown', text: '# Release notes\n\n- Sections API\n- <b>not bold</b> on purpose' },
        },
      ],
    }),
  );

  server.registerTool(
    'delete_section',
    {
      title: 'Delete section',
      description: 'Deletes a section (the demo only pretends).',
      inputSchema: { index: z.number().int().min(1).max(SECTIONS.length) },
      annotations: { destructiveHint: true, idempotentHint: false },
    },
    async ({ index }) => ({ content: [{ type: 'text', text: `Pretended to delete section ${index}: ${SECTIONS[index - 1]}` }] }),
  );
}

/** The worker's MCP server: no auth, fewer tools, like the user's own Cloudflare Worker. */
export function createWorkerMcpServer(): McpServer {
  const server = new McpServer({ name: 'demo-worker', version: '0.3.0' }, { capabilities: { tools: {} } });
  server.registerTool('get_sections', { description: 'Lists the sections of the presentation.', annotations: { readOnlyHint: true } }, async () => ({
    content: [{ type: 'text', text: SECTIONS.join('\n') }],
  }));
  server.registerTool('add', { description: 'Adds two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  return server;
}

let logo: Buffer | undefined;
/** A 24×24 orange square PNG, made here so the demo ships no binary files. */
export function logoPng(): Buffer {
  if (logo) return logo;
  const size = 24;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw.set([243, 128, 32], y * (size * 3 + 1) + 1 + x * 3);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  logo = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return logo;
}
