import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { create } from 'zustand';
import { expiryFacts } from '../../utils/tokens/expiry';
import { callTool, checkToolArguments, type ToolCallReport } from '../../utils/mcp/callTool';
import type { ChosenToken, TokenChoice } from '../../utils/mcp/chooseToken';
import { getPrompt, type PromptGetReport } from '../../utils/mcp/getPrompt';
import type { McpAuth, TransportChoice } from '../../utils/mcp/mcpSession';
import { listAgain, type OperationOptions, type OperationReport } from '../../utils/mcp/operation';
import { readResource, type ResourceReadReport } from '../../utils/mcp/readResource';
import type { ListName, LiveActivity, LoggingLevel, SessionEvent } from '../../utils/mcp/sessionActivity';
import { testRunRecord } from '../../utils/mcp/testRunRecord';
import { expandTemplate } from '../../utils/mcp/uriTemplate';
import { parseHeaderLines } from '../../utils/mcp/parseHeaderLines';
import { runToolsTest, type McpTestReport, type StepName } from '../../utils/mcp/runToolsTest';
// Bundled by Vite as a separate worker script from the extension's own origin (extension CSP allows it).
import { argumentsText, initialArguments, parseArgumentsText } from '../../utils/mcp/schemaForm';
import type { PanelServices } from './services';
import { runAuthChecks } from '../../utils/mcp/authDiagnostics/runAuthChecks';
import type { AuthReport } from '../../utils/mcp/authDiagnostics/types';
import { claimsOf } from '../../utils/tokens/decodeToken';

export interface McpState {
  /** What the user typed; until they type, the target follows the newest endpoint seen in traffic. */
  targetUrl: string;
  targetEdited: boolean;
  transport: TransportChoice;
  timeoutSeconds: number;
  tokenChoice: TokenChoice;
  extraHeadersText: string;
  recentTargets: string[];
  running?: { step: StepName; controller: AbortController };
  inputError?: string;
  report?: McpTestReport;
  /** Counts finished tests, so a new report is told apart from the one it replaces. */
  runCount: number;
  selectedTool?: string;
  argsText: string;
  argsError?: string;
  /** What the last argument check could not check (a server pattern that took too long …). */
  argsNote?: string;
  calling?: AbortController;
  callReport?: ToolCallReport;
  /** The auth checks: the running one's controller, the last report, and how many finished. */
  checkingAuth?: AbortController;
  authReport?: AuthReport;
  authRunCount: number;
  /** logging/setLevel sent at the start of each call, read and get; '' sends none (the server's default). */
  logLevel: LoggingLevel | '';
  /** What the server says while a call, read or get runs. */
  live?: LiveActivity;
  /** The resource (URI) or template (URI template) selected, and the template's field values. */
  selectedResource?: { uri: string } | { uriTemplate: string };
  templateValues: Record<string, string>;
  reading?: AbortController;
  readReport?: ResourceReadReport;
  selectedPrompt?: string;
  promptArgs: Record<string, string>;
  getting?: AbortController;
  promptReport?: PromptGetReport;
}

export const useMcpStore = create<McpState>(() => ({
  targetUrl: '',
  targetEdited: false,
  transport: 'auto',
  timeoutSeconds: 10,
  tokenChoice: { mode: 'auto' },
  extraHeadersText: '',
  recentTargets: [],
  runCount: 0,
  argsText: '{}',
  authRunCount: 0,
  logLevel: '',
  templateValues: {},
  promptArgs: {},
}));

const set = useMcpStore.setState;
const get = useMcpStore.getState;

/** The target shown in the box: typed, else the newest endpoint the page used, else the last one tested. */
export function effectiveTarget(state: McpState, detected: string | undefined): string {
  return state.targetEdited ? state.targetUrl : (detected ?? state.recentTargets[0] ?? '');
}

interface Prepared {
  url: string;
  auth: McpAuth;
}

/**
 * Checks the inputs and builds the auth from the token the panel shows as chosen (the same object,
 * so what is sent is what is shown); a readable error instead of a request when something is off.
 */
function prepare(url: string, chosen: ChosenToken): Prepared | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { error: url.trim() === '' ? 'Enter the MCP endpoint URL (for example https://portal.example.com/mcp).' : `"${url}" is not a URL.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { error: 'The MCP endpoint must be an http(s) URL.' };
  const headers = parseHeaderLines(get().extraHeadersText);
  if (!headers.ok) return { error: `Extra headers: ${headers.error}` };
  const token = chosen.row
    ? {
        value: chosen.row.value,
        fingerprint: chosen.row.fingerprint,
        expiresAt: expiryFacts(chosen.row.decoded, chosen.row.issuedExpiresAt).expiresAt,
        sendAs: chosen.sendAs,
      }
    : undefined;
  return { url: parsed.href, auth: { token, headers: headers.headers } };
}

/** A test that takes longer than this shows which step it is on. */
const SHOW_STEPS_AFTER_MS = 150;
/** Server messages during a call reach the screen at most this often (a server may send thousands). */
const LIVE_FLUSH_MS = 100;
const MAX_LIVE_LOG = 200;

let liveOwner: object | undefined;

/** Collects a running operation's server messages and shows them in batches; the newest operation owns the live view. */
function liveFeed(kind: LiveActivity['kind']): { onEvent(event: SessionEvent): void; stop(): void } {
  const me = {};
  liveOwner = me;
  const live: LiveActivity = { kind, log: [], requests: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (liveOwner === me) set({ live: { ...live, log: [...live.log], requests: [...live.requests] } });
  };
  flush();
  return {
    onEvent(event) {
      if (event.type === 'progress') live.progress = event.view;
      else if (event.type === 'log') live.log = [...live.log.slice(1 - MAX_LIVE_LOG), event.entry];
      else if (event.type === 'server-request') live.requests.push(event.note);
      else return;
      timer ??= setTimeout(flush, LIVE_FLUSH_MS);
    },
    stop() {
      clearTimeout(timer);
      if (liveOwner !== me) return;
      liveOwner = undefined;
      set({ live: undefined });
    },
  };
}

export type McpActions = ReturnType<typeof createMcpActions>;

/** The MCP section's actions, given the panel's browser services. */
export function createMcpActions(services: PanelServices) {
  return {
    setTarget(url: string) {
      set({ targetUrl: url, targetEdited: true, inputError: undefined });
    },
    setTransport(transport: TransportChoice) {
      set({ transport });
    },
    setTimeoutSeconds(timeoutSeconds: number) {
      set({ timeoutSeconds });
    },
    setTokenChoice(tokenChoice: TokenChoice) {
      set({ tokenChoice });
    },
    setExtraHeaders(extraHeadersText: string) {
      set({ extraHeadersText, inputError: undefined });
    },
    setRecentTargets(recentTargets: string[]) {
      set({ recentTargets });
    },

    async runTest(url: string, chosen: ChosenToken) {
      get().running?.controller.abort();
      const prepared = prepare(url, chosen);
      if ('error' in prepared) return set({ inputError: prepared.error });
      const controller = new AbortController();
      set({ running: { step: 'connect', controller }, inputError: undefined, callReport: undefined, readReport: undefined, promptReport: undefined });
      let lastStep: StepName = 'connect';
      let stepsShown = false;
      const showSteps = setTimeout(() => {
        stepsShown = true;
        if (get().running?.controller === controller) set({ running: { step: lastStep, controller } });
      }, SHOW_STEPS_AFTER_MS);
      const report = await runToolsTest({
        ...prepared,
        transport: get().transport,
        timeoutMs: get().timeoutSeconds * 1000,
        signal: controller.signal,
        fetch: services.fetch,
        hasHostAccess: await services.hasHostAccess(new URL(prepared.url).origin),
        // Steps are shown once a test is slow: a fast one is not slowed by re-rendering at each step.
        onStep: (step) => {
          lastStep = step;
          if (stepsShown && get().running?.controller === controller) set({ running: { step, controller } });
        },
      });
      clearTimeout(showSteps);
      // A newer run owns the state now; a cancelled one still reports that it was cancelled.
      if (get().running?.controller !== controller) return;
      const selected = report.tools.find((t) => t.name === get().selectedTool) ?? report.tools[0];
      set({
        running: undefined,
        report,
        runCount: get().runCount + 1,
        selectedTool: selected?.name,
        argsText: argsTextFor(selected),
        argsError: undefined,
        argsNote: undefined,
        selectedResource: undefined,
        readReport: undefined,
        selectedPrompt: undefined,
        promptArgs: {},
        promptReport: undefined,
      });
      const record = testRunRecord(report, chosen.row, Date.now());
      if (record) services.recordTestRun(record);
      if (report.outcome === 'pass') {
        const recent = [prepared.url, ...get().recentTargets.filter((u) => u !== prepared.url)].slice(0, 8);
        set({ recentTargets: recent });
        void services.saveRecentTargets(recent);
      }
    },

    /** Aborts what runs; the run itself then ends with a "cancelled" report (state keeps one controller per run). */
    cancel() {
      get().running?.controller.abort();
      get().calling?.abort();
      get().reading?.abort();
      get().getting?.abort();
      get().checkingAuth?.abort();
    },

    /** "Check auth": how the server signs clients in, checked against the specs. The token goes only to the target. */
    async checkAuth(url: string, chosen: ChosenToken) {
      get().checkingAuth?.abort();
      let target: URL;
      try {
        target = new URL(url.trim());
        if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('not http');
      } catch {
        return set({ inputError: url.trim() === '' ? 'Enter the MCP endpoint URL to check its auth.' : `"${url}" is not an http(s) URL.` });
      }
      const controller = new AbortController();
      set({ checkingAuth: controller, inputError: undefined });
      const row = chosen.row;
      const claims = row && row.decoded.kind === 'jwt' ? claimsOf(row.decoded) : undefined;
      const report = await runAuthChecks({
        url: target.href,
        fetch: services.fetch,
        signal: controller.signal,
        timeoutMs: get().timeoutSeconds * 1000,
        token: row && chosen.sendAs === 'bearer' ? { value: row.value, isJwt: row.decoded.kind === 'jwt', aud: claims?.aud } : undefined,
        capturedTokenResponse: row?.sources.includes('token-response')
          ? { hadRefreshToken: row.issuedWith.includes('refresh'), lifetimeSeconds: lifetimeOf(row) }
          : undefined,
      });
      if (get().checkingAuth !== controller) return;
      set({ checkingAuth: undefined, authReport: report, authRunCount: get().authRunCount + 1 });
      services.recordAuthReport(report);
      services.setServerClockSkew(report.clockSkewSeconds);
    },

    selectTool(name: string) {
      const tool = get().report?.tools.find((t) => t.name === name);
      if (!tool || name === get().selectedTool) return;
      set({ selectedTool: name, argsText: argsTextFor(tool), argsError: undefined, argsNote: undefined, callReport: undefined });
    },

    setArgsText(argsText: string) {
      set({ argsText, argsError: undefined, argsNote: undefined });
    },

    // Resets for the error boundaries: each clears what its part shows, so it can render again.
    resetTarget() {
      set({ targetUrl: '', targetEdited: false, inputError: undefined });
    },
    clearReport() {
      set({
        report: undefined,
        selectedTool: undefined,
        argsText: '{}',
        argsError: undefined,
        argsNote: undefined,
        callReport: undefined,
        selectedResource: undefined,
        readReport: undefined,
        selectedPrompt: undefined,
        promptReport: undefined,
      });
    },
    clearResource() {
      set({ selectedResource: undefined, templateValues: {}, readReport: undefined });
    },
    clearPrompt() {
      set({ selectedPrompt: undefined, promptArgs: {}, promptReport: undefined });
    },
    setLogLevel(logLevel: LoggingLevel | '') {
      set({ logLevel });
    },
    deselectTool() {
      set({ selectedTool: undefined, argsText: '{}', argsError: undefined, argsNote: undefined, callReport: undefined });
    },
    clearCallResult() {
      set({ callReport: undefined });
    },
    clearAuthReport() {
      set({ authReport: undefined });
    },

    async callSelectedTool(url: string, chosen: ChosenToken) {
      const { report, selectedTool, argsText } = get();
      const tool = report?.tools.find((t) => t.name === selectedTool);
      if (!tool) return;
      const args = parseArgumentsText(argsText);
      if (!args.ok) return set({ argsError: args.error });
      const checked = await checkToolArguments(tool, args.value, services.schemaChecker());
      if (get().selectedTool !== selectedTool || get().argsText !== argsText) return;
      if (checked.errors.length > 0) return set({ argsError: `Not sent: ${checked.errors.join('; ')}.`, argsNote: checked.unchecked });
      set({ argsNote: checked.unchecked });
      const prepared = prepare(url, chosen);
      if ('error' in prepared) return set({ inputError: prepared.error });
      set({ argsError: undefined });
      await operation('call', prepared, (options) => callTool({ ...options, checkSchema: services.schemaChecker() }, tool, args.value));
    },

    /** Reads a listed resource (selecting it). */
    async readResource(url: string, chosen: ChosenToken, uri: string) {
      set({ selectedResource: { uri }, templateValues: {} });
      await read(url, chosen, uri);
    },

    selectTemplate(uriTemplate: string) {
      const current = get().selectedResource;
      if (current && 'uriTemplate' in current && current.uriTemplate === uriTemplate) return;
      set({ selectedResource: { uriTemplate }, templateValues: {}, readReport: undefined });
    },
    setTemplateValue(name: string, value: string) {
      set({ templateValues: { ...get().templateValues, [name]: value } });
    },
    /** Reads the selected template, expanded with the values typed. */
    async readTemplate(url: string, chosen: ChosenToken) {
      const selected = get().selectedResource;
      if (!selected || !('uriTemplate' in selected)) return;
      await read(url, chosen, expandTemplate(selected.uriTemplate, get().templateValues));
    },

    selectPrompt(name: string) {
      if (name === get().selectedPrompt) return;
      set({ selectedPrompt: name, promptArgs: {}, promptReport: undefined });
    },
    setPromptArg(name: string, value: string) {
      set({ promptArgs: { ...get().promptArgs, [name]: value } });
    },
    async getSelectedPrompt(url: string, chosen: ChosenToken) {
      const { selectedPrompt: name, promptArgs } = get();
      if (!name) return;
      const prepared = prepare(url, chosen);
      if ('error' in prepared) return set({ inputError: prepared.error });
      // Empty fields are left out: an optional argument not given is absent, not "".
      const args = Object.fromEntries(Object.entries(promptArgs).filter(([, v]) => v !== ''));
      await operation('get', prepared, (options) => getPrompt(options, name, args));
    },
  };

  /** Lists the server said changed after an answer, in a session of their own, into the report still shown. */
  async function listAgainInto(prepared: Prepared, which: ListName[]) {
    const report = get().report;
    const lists = await listAgain(
      { ...prepared, transport: report?.transport ?? get().transport, timeoutMs: get().timeoutSeconds * 1000, fetch: services.fetch },
      which,
    );
    const current = get().report;
    if (lists && current && current === report) set({ report: { ...current, ...lists } });
  }

  async function read(url: string, chosen: ChosenToken, uri: string) {
    const prepared = prepare(url, chosen);
    if ('error' in prepared) return set({ inputError: prepared.error });
    await operation('read', prepared, (options) => readResource(options, uri));
  }

  /**
   * A call, read or get in its own session, on the transport the test found, with the chosen log
   * level; what the server says meanwhile is shown live, and lists it says changed replace the
   * report's (when the report is still the one the operation started from). A newer one of the same
   * kind replaces it.
   */
  async function operation(kind: LiveActivity['kind'], prepared: Prepared, run: (options: OperationOptions) => Promise<OperationReport<unknown>>) {
    // The lists are the tested server's; the target box may have moved since (the page can move it).
    if (prepared.url !== get().report?.url) return set({ inputError: 'The target changed since the test: test it first.' });
    const [busy, result] = OPERATION_STATE[kind];
    get()[busy]?.abort();
    const controller = new AbortController();
    set({ [busy]: controller, [result]: undefined });
    const report = get().report;
    const feed = liveFeed(kind);
    const { logLevel } = get();
    const done = await run({
      ...prepared,
      // Use the transport the test found, so a legacy SSE server is not probed again.
      transport: report?.transport ?? get().transport,
      timeoutMs: get().timeoutSeconds * 1000,
      signal: controller.signal,
      fetch: services.fetch,
      hasHostAccess: await services.hasHostAccess(new URL(prepared.url).origin),
      onEvent: feed.onEvent,
      ...(logLevel ? { logLevel } : {}),
    });
    feed.stop();
    if (done.relisted && get().report === report && report) set({ report: { ...report, ...done.relisted } });
    if (done.changedLate) void listAgainInto(prepared, done.changedLate);
    if (get()[busy] === controller) set({ [busy]: undefined, [result]: done });
  }
}

/** Where each kind of operation keeps its controller and its report. */
const OPERATION_STATE = {
  call: ['calling', 'callReport'],
  read: ['reading', 'readReport'],
  get: ['getting', 'promptReport'],
} as const;

function argsTextFor(tool: Tool | undefined): string {
  return argumentsText(tool ? initialArguments(tool.inputSchema) : {});
}

/** Seconds from issue to expiry of a token a token response issued, when known. */
function lifetimeOf(row: NonNullable<ChosenToken['row']>): number | undefined {
  const expiresAt = expiryFacts(row.decoded, row.issuedExpiresAt).expiresAt;
  return expiresAt === undefined ? undefined : Math.round(expiresAt - row.firstSeen / 1000);
}
