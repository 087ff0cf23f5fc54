import type { Resource, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { memo, useMemo, type ReactNode } from 'react';
import { resourceContentView } from '../../utils/mcp/contentView';
import type { ResourceReadReport } from '../../utils/mcp/readResource';
import { expandTemplate, templateVariables } from '../../utils/mcp/uriTemplate';
import { CappedText } from './CappedText';
import { ContentBlock } from './ContentItem';
import { OperationFailure, SessionActivityView } from './SessionActivityView';
import { RawExchange } from './RawExchange';

type Selected = { uri: string } | { uriTemplate: string } | undefined;

/** Resources and resource templates the server listed: a click reads a resource, or opens a template's form. */
export const ResourceList = memo(function ResourceList(props: {
  resources: Resource[];
  templates?: ResourceTemplate[];
  selected: Selected;
  onRead(uri: string): void;
  onTemplate(uriTemplate: string): void;
}) {
  // Optional: a fresh [] at each render would defeat memo.
  const { resources, templates = [], selected } = props;
  if (resources.length + templates.length === 0) return <p className="muted">The server lists no resources.</p>;
  return (
    <ul className="tool-list" aria-label="Resources">
      {resources.map((r, i) => (
        <PickRow
          key={`r${i}`}
          selected={selected !== undefined && 'uri' in selected && selected.uri === r.uri}
          data={{ 'data-testid': 'resource-row', 'data-uri': r.uri }}
          onPick={() => props.onRead(r.uri)}
        >
          <Described name={r.uri} title={r.title ?? r.name} description={r.description} mimeType={r.mimeType} />
        </PickRow>
      ))}
      {templates.map((t, i) => (
        <PickRow
          key={`t${i}`}
          selected={selected !== undefined && 'uriTemplate' in selected && selected.uriTemplate === t.uriTemplate}
          data={{ 'data-testid': 'resource-template-row', 'data-uri-template': t.uriTemplate }}
          onPick={() => props.onTemplate(t.uriTemplate)}
        >
          <Described name={t.uriTemplate} title={t.title ?? t.name} description={t.description} mimeType={t.mimeType} badge="template" />
        </PickRow>
      ))}
    </ul>
  );
});

/** One row of a list: a click or Enter picks it. */
export function PickRow({ selected, data, onPick, children }: { selected: boolean; data: Record<string, string>; onPick(): void; children: ReactNode }) {
  return (
    <li {...data} className={`tool-row${selected ? ' selected' : ''}`} tabIndex={0} onClick={onPick} onKeyDown={(e) => e.key === 'Enter' && onPick()}>
      {children}
    </li>
  );
}

/** A listed item's name line and description, all server text, capped. */
export function Described(props: { name: string; title?: string; description?: string; mimeType?: string; badge?: string }) {
  return (
    <>
      <div className="row-line">
        <CappedText as="code" className="tool-name" text={props.name} limit={300} />
        {props.title && props.title !== props.name && <CappedText className="muted" text={props.title} limit={200} />}
        {props.badge && <span className="badge badge-muted">{props.badge}</span>}
        {props.mimeType && <span className="muted small">{props.mimeType.slice(0, 100)}</span>}
      </div>
      {props.description && <CappedText as="div" className="muted small tool-description" text={props.description} limit={1000} />}
    </>
  );
}

/** Fields a template or prompt form shows at most: a server may declare thousands, each re-rendered per keystroke. */
export const MAX_FIELDS = 100;

/** "250 more variables have no field." */
export function FieldsLeftOut({ count, what }: { count: number; what: string }) {
  return (
    count > MAX_FIELDS && (
      <p className="muted small">
        {count - MAX_FIELDS} more {what} have no field.
      </p>
    )
  );
}

/** A field per variable of the template (the first MAX_FIELDS), the URI it expands to, and Read. */
export function TemplateForm(props: {
  uriTemplate: string;
  values: Record<string, string>;
  reading: boolean;
  onValue(name: string, value: string): void;
  onRead(): void;
}) {
  const names = useMemo(() => templateVariables(props.uriTemplate), [props.uriTemplate]);
  // Not at every live update of a read: a long template takes a while to expand.
  const uri = useMemo(() => expandTemplate(props.uriTemplate, props.values), [props.uriTemplate, props.values]);
  return (
    <form
      className="tool-caller"
      onSubmit={(e) => {
        e.preventDefault();
        props.onRead();
      }}
    >
      <h4>
        Read <CappedText as="code" text={props.uriTemplate} limit={300} />
      </h4>
      <div className="schema-form">
        {names.slice(0, MAX_FIELDS).map((name) => (
          <label key={name} className="field">
            <span className="field-label">{name}</span>
            <input
              type="text"
              data-testid="template-var"
              data-name={name}
              value={Object.prototype.hasOwnProperty.call(props.values, name) ? props.values[name] : ''}
              onChange={(e) => props.onValue(name, e.target.value)}
            />
          </label>
        ))}
      </div>
      <FieldsLeftOut count={names.length} what="variables" />
      <p className="small">
        URI: <CappedText as="code" text={uri} limit={2000} />
      </p>
      <button type="submit" className="primary" data-testid="template-read" disabled={props.reading}>
        {props.reading ? 'Reading…' : 'Read'}
      </button>
    </form>
  );
}

/** The contents of the resource last read: each entry as contentView decides. */
export const ResourceResultView = memo(function ResourceResultView({ report, copy }: { report: ResourceReadReport; copy(text: string): Promise<boolean> }) {
  if (report.outcome !== 'pass' || !report.value) return <OperationFailure report={report} testId="resource-error" copy={copy} />;
  const contents = report.value.contents;
  return (
    <section className="report report-pass" data-testid="resource-content" data-uri={report.uri}>
      <p className="report-headline">
        <CappedText as="code" text={report.uri} limit={2000} />{' '}
        <span className="muted">
          {contents.length} content item{contents.length === 1 ? '' : 's'} in {report.ms} ms
        </span>
      </p>
      {contents.slice(0, 20).map((c, i) => (
        <ContentBlock key={i} view={resourceContentView(c)} />
      ))}
      {contents.length > 20 && <p className="muted small">… and {contents.length - 20} more (see the raw exchange).</p>}
      <SessionActivityView report={report} />
      <RawExchange exchanges={report.exchanges} messages={report.messages} copy={copy} />
    </section>
  );
});
