// /en/contact: the office's contact details and the message form, in English. Messages join the
// same queue as those sent through the Chinese form.
import type { ContactDetails } from '../../config.ts';
import { ConsentField, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { MESSAGE_MAX, SUBJECT_MAX } from '../message.ts';

const LINES: ReadonlyArray<[keyof ContactDetails, string]> = [
  ['office', 'Office'],
  ['address', 'Address'],
  ['phone', 'Telephone'],
  ['email', 'Email'],
  ['hours', 'Office hours'],
];

/** The English contact page; `sent` is the tracking code of a message just received. */
export function EnglishContactPage(props: {
  chrome: PageChrome;
  contact: ContactDetails;
  token: string;
  state: FieldState;
  offices: ReadonlyArray<{ value: string; label: string }>;
  sent?: string | undefined;
}) {
  const { contact } = props;
  const state = { ...props.state, lang: 'en' as const };
  const lines = LINES.filter(([key]) => contact[key] !== undefined);
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Contact us"
      section="/en/contact"
      description="Contact Nanchang's investment promotion offices: questions, messages and addresses."
      alternates={{ 'zh-CN': '/contact', en: '/en/contact' }}
    >
      <h1>Contact us</h1>
      {props.sent && (
        <div class="notice" role="status">
          <p>
            Thank you: your message has been received. Its reference is <strong>{props.sent}</strong>; keep it to ask about your message. We reply through the
            contact details you gave.
          </p>
          <p>
            You can look up its progress on the{' '}
            <a href={`/contact/status?code=${props.sent}`} hreflang="zh-CN">
              status page
            </a>{' '}
            (in Chinese).
          </p>
        </div>
      )}
      {lines.length > 0 ? (
        <dl class="contact-details">
          {lines.map(([key, label]) => (
            <>
              <dt>{label}</dt>
              <dd lang={key === 'email' || key === 'phone' ? undefined : 'zh-CN'}>
                {key === 'email' ? (
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                ) : key === 'phone' ? (
                  <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                ) : (
                  contact[key]
                )}
              </dd>
            </>
          ))}
        </dl>
      ) : (
        <p class="notice">Our contact details are not published yet; please write to us with the form below.</p>
      )}
      <h2>Send us a message</h2>
      <p>You may write in English or Chinese.</p>
      <PostForm action="/en/contact" token={props.token} errors={state.errors} problem={state.problem} submitLabel="Send message" lang="en">
        <SelectField state={state} name="channel" label="Office" options={props.offices} required />
        <TextField state={state} name="subject" label="Subject" maxLength={SUBJECT_MAX} required />
        <TextArea state={state} name="body" label="Message" maxLength={MESSAGE_MAX} required rows={8} />
        <TextField state={state} name="name" label="Your name" maxLength={50} required />
        <TextField
          state={state}
          name="contact"
          label="Email or phone"
          maxLength={100}
          required
          hint="Used only to reply to this message. Phone numbers from outside China need their country code."
        />
        <ConsentField state={state} name="consent">
          I agree that this site keeps my name and contact details only to reply to this message; they are deleted 180 days after the message is closed.
        </ConsentField>
      </PostForm>
    </Layout>
  );
}
