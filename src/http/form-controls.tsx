// Form building blocks: every field has a visible label, keeps the reader's input, and shows its
// own error next to it; the form carries the CSRF token and a honeypot.
import type { Child } from 'hono/jsx';
import { messagesFor } from '../i18n/messages.ts';
import type { PageLanguage } from './page-meta.tsx';
import { CSRF_FIELD } from './csrf.ts';
import { HONEYPOT_FIELD, type FieldErrors, type FormValues } from './form.ts';

/** What every field needs to show itself. */
export interface FieldState {
  values: FormValues;
  errors: FieldErrors;
  /** Why the whole post was refused (posting too often), shown above the form. */
  problem?: string | undefined;
  /** The form's language (zh-CN unless an English page's): the words fields add, such as "required". */
  lang?: PageLanguage | undefined;
}

/** A POST form with the CSRF token, the honeypot and a summary of errors (or why it was refused) at the top. */
export function PostForm(props: {
  action: string;
  token: string;
  errors: FieldErrors;
  problem?: string | undefined;
  submitLabel: string;
  lang?: PageLanguage | undefined;
  children: Child;
}) {
  const messages = Object.values(props.errors);
  const text = messagesFor(props.lang ?? 'zh-CN');
  return (
    <form class="public-form" method="post" action={props.action} novalidate>
      {props.problem && (
        <div class="form-errors" role="alert">
          <p>{props.problem}</p>
        </div>
      )}
      {messages.length > 0 && (
        <div class="form-errors" role="alert">
          <p>{text.formErrorsIntro.replace('{count}', String(messages.length))}</p>
          <ul>
            {messages.map((message) => (
              <li>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      <div class="honeypot" aria-hidden="true">
        <label>
          {text.honeypotLabel}
          <input type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
        </label>
      </div>
      {props.children}
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}

function FieldShell(props: {
  name: string;
  label: string;
  required?: boolean;
  hint?: string | undefined;
  error: string | undefined;
  lang?: PageLanguage | undefined;
  children: Child;
}) {
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={`field-${props.name}`}>
        {props.label}
        {props.required && <span class="required">{messagesFor(props.lang ?? 'zh-CN').formRequired}</span>}
      </label>
      {props.hint && (
        <p class="field-hint" id={`hint-${props.name}`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="field-error" id={`error-${props.name}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

const describedBy = (name: string, hint: unknown, error: unknown) => [hint && `hint-${name}`, error && `error-${name}`].filter(Boolean).join(' ') || undefined;

/** A one-line text field. */
export function TextField(props: {
  state: FieldState;
  name: string;
  label: string;
  maxLength: number;
  required?: boolean;
  type?: string;
  hint?: string;
  inputMode?: 'tel' | 'email' | 'decimal' | 'numeric';
}) {
  const error = props.state.errors[props.name];
  return (
    <FieldShell name={props.name} label={props.label} required={props.required} hint={props.hint} error={error} lang={props.state.lang}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.state.values[props.name] ?? ''}
        maxlength={props.maxLength}
        required={props.required}
        inputmode={props.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldShell>
  );
}

/** A multi-line text field. */
export function TextArea(props: { state: FieldState; name: string; label: string; maxLength: number; required?: boolean; rows?: number; hint?: string }) {
  const error = props.state.errors[props.name];
  return (
    <FieldShell name={props.name} label={props.label} required={props.required} hint={props.hint} error={error} lang={props.state.lang}>
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        rows={props.rows ?? 8}
        maxlength={props.maxLength}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.state.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

type Option = { value: string; label: string };

/** A choice from a list, or from groups of choices, each under its heading. */
export function SelectField(props: {
  state: FieldState;
  name: string;
  label: string;
  options: ReadonlyArray<Option>;
  groups?: ReadonlyArray<{ label: string; options: ReadonlyArray<Option> }>;
  required?: boolean;
  placeholder?: string;
}) {
  const error = props.state.errors[props.name];
  const current = props.state.values[props.name] ?? '';
  const choices = (options: ReadonlyArray<Option>) =>
    options.map((option) => (
      <option value={option.value} selected={option.value === current}>
        {option.label}
      </option>
    ));
  return (
    <FieldShell name={props.name} label={props.label} required={props.required} error={error} lang={props.state.lang}>
      <select
        id={`field-${props.name}`}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, undefined, error)}
      >
        <option value="">{props.placeholder ?? messagesFor(props.state.lang ?? 'zh-CN').selectPlaceholder}</option>
        {choices(props.options)}
        {props.groups?.map((group) => (
          <optgroup label={group.label}>{choices(group.options)}</optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/** One choice of a few, as radio buttons under a legend. */
export function RadioField(props: { state: FieldState; name: string; label: string; options: ReadonlyArray<Option>; required?: boolean }) {
  const error = props.state.errors[props.name];
  const current = props.state.values[props.name] ?? '';
  return (
    <fieldset class={error ? 'field field-invalid' : 'field'} aria-describedby={error ? `error-${props.name}` : undefined}>
      <legend>
        {props.label}
        {props.required && <span class="required">(必填)</span>}
      </legend>
      {props.options.map((option) => (
        <label class="consent">
          <input type="radio" name={props.name} value={option.value} checked={option.value === current} aria-invalid={error ? 'true' : undefined} />
          <span>{option.label}</span>
        </label>
      ))}
      {error && (
        <p class="field-error" id={`error-${props.name}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A select of a GET filter form, with an "all" choice first. */
export function FilterSelect(props: {
  label: string;
  name: string;
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A consent checkbox with the statement it agrees to. */
export function ConsentField(props: { state: FieldState; name: string; children: Child }) {
  const error = props.state.errors[props.name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="consent">
        <input type="checkbox" name={props.name} value="yes" checked={props.state.values[props.name] === 'yes'} aria-invalid={error ? 'true' : undefined} />
        <span>{props.children}</span>
      </label>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

/** aria-invalid and aria-describedby tying a field of a compact form to its error, when it has one. */
export function invalidWhen(error: string | undefined, errorId: string): Record<string, string> {
  return error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {};
}

/** A field's error beside it in a compact form (one row of a table); `id` is what the field is described by. */
export function InlineError(props: { id: string; error: string | undefined }) {
  if (!props.error) return null;
  return (
    <span class="field-error" id={props.id}>
      {props.error}
    </span>
  );
}
