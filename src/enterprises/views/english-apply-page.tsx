// /en/enterprises/apply: the 企业入驻 application in English, for companies in China and abroad.
// Applications join the same queue as the Chinese form's, marked with the language they came in.
import { ConsentField, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { COMPANY_MAX, DESCRIPTION_MAX } from '../application.ts';
import { REGISTRATION_NUMBER_MAX } from '../company-identity.ts';
import { ENGLISH_COUNTRIES } from '../country.ts';
import { INDUSTRIES, INDUSTRY_ENGLISH_NAMES } from '../industry.ts';

type Option = { value: string; label: string };

const REGISTRATIONS: Option[] = [
  { value: 'china', label: 'Registered in mainland China (with a unified social credit code)' },
  { value: 'abroad', label: 'Registered abroad, not yet in mainland China' },
];
const industryOptions = INDUSTRIES.map(({ code }) => ({ value: code, label: `${code} ${INDUSTRY_ENGLISH_NAMES[code]}` }));
const countryOptions = ENGLISH_COUNTRIES.map(({ code, name }) => ({ value: code, label: name }));

/** The English application form; `sent` is the tracking code of an application just received. */
export function EnglishApplyPage(props: { chrome: PageChrome; token: string; state: FieldState; districts: Option[]; sent?: string | undefined }) {
  const state = { ...props.state, lang: 'en' as const };
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Set up your business in Nanchang"
      section="/en/enterprises/apply"
      description="Apply online to settle your company in a district, county or development zone of Nanchang."
      alternates={{ 'zh-CN': '/enterprises/apply', en: '/en/enterprises/apply' }}
    >
      <h1>Set up your business in Nanchang</h1>
      {props.sent && (
        <div class="notice" role="status">
          <p>
            Thank you: your application has been received and will be reviewed within 5 working days. Its reference is <strong>{props.sent}</strong>.
          </p>
          <p>
            You can look up its progress on the{' '}
            <a href={`/enterprises/status?code=${props.sent}`} hreflang="zh-CN">
              status page
            </a>{' '}
            (in Chinese).
          </p>
        </div>
      )}
      <p class="page-lead">
        Companies planning to invest in Nanchang, including companies registered abroad, can apply here. The investment promotion office reviews each
        application; approved companies are listed in the{' '}
        <a href="/enterprises" hreflang="zh-CN">
          directory of enterprises
        </a>{' '}
        (in Chinese).
      </p>
      <PostForm action="/en/enterprises/apply" token={props.token} errors={state.errors} problem={state.problem} submitLabel="Send application" lang="en">
        <TextField state={state} name="companyName" label="Company name" maxLength={COMPANY_MAX} required />
        <SelectField state={state} name="registration" label="Where the company is registered" options={REGISTRATIONS} required />
        <TextField
          state={state}
          name="creditCode"
          label="Unified social credit code"
          maxLength={30}
          hint="Companies registered in mainland China: 18 characters, on the business licence."
        />
        <fieldset class="field-group">
          <legend>Companies registered abroad</legend>
          <SelectField state={state} name="registrationCountry" label="Country or region of registration" options={countryOptions} />
          <TextField
            state={state}
            name="registrationNumber"
            label="Registration number"
            maxLength={REGISTRATION_NUMBER_MAX}
            hint="The company's number in its country's register, such as HRB 123456."
          />
        </fieldset>
        <SelectField state={state} name="industry" label="Industry" options={industryOptions} required />
        <SelectField state={state} name="channel" label="Where you plan to settle" options={props.districts} required />
        <TextField
          state={state}
          name="plannedInvestment"
          label="Planned investment (CNY million)"
          maxLength={20}
          required
          inputMode="decimal"
          hint="For example 12.5 for CNY 12.5 million."
        />
        <TextField state={state} name="contactPerson" label="Contact person" maxLength={50} required />
        <TextField
          state={state}
          name="contactMobile"
          label="Phone"
          maxLength={30}
          required
          type="tel"
          inputMode="tel"
          hint="With the country code if outside China, such as +49 30 1234567."
        />
        <TextArea state={state} name="description" label="About the project" maxLength={DESCRIPTION_MAX} required rows={6} />
        <ConsentField state={state} name="consent">
          I agree that this site keeps the contact person's name and phone number only to review this application and contact us about it; they are deleted 180
          days after the application is closed.
        </ConsentField>
      </PostForm>
    </Layout>
  );
}
