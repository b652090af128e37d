// The company-identity controls every public form that asks for a company shows (the fields
// `companyIdentityFields` reads), and the identity's lines on status and console pages. Choosing
// 境外企业 hides the credit code and shows the country and number (site.css, `:has()`), without
// JavaScript; a browser without `:has()` shows both parts, each under its heading.
import { RadioField, SelectField, TextField, type FieldState } from '../../http/form-controls.tsx';
import { companyIdentityLines, REGISTRATION_NUMBER_MAX, REGISTRATIONS, type CompanyIdentity } from '../company-identity.ts';
import { CHINESE_REGIONS_OUTSIDE_MAINLAND, FOREIGN_COUNTRIES } from '../country.ts';

const COUNTRY_GROUPS = [
  { label: '港澳台地区', options: CHINESE_REGIONS_OUTSIDE_MAINLAND.map(({ code, name }) => ({ value: code, label: name })) },
  { label: '其他国家和地区', options: FOREIGN_COUNTRIES.map(({ code, name }) => ({ value: code, label: name })) },
];

/** Where the company is registered, then its credit code, or its country or region and registration number. */
export function CompanyIdentityFields(props: { state: FieldState }) {
  // A blank form, and one posted before the choice existed, is a mainland one.
  const state: FieldState = { ...props.state, values: { ...props.state.values, registration: props.state.values.registration ?? 'china' } };
  return (
    <div class="company-identity">
      <RadioField state={state} name="registration" label="企业注册地" options={REGISTRATIONS} required />
      <div class="company-china">
        <TextField state={state} name="creditCode" label="统一社会信用代码" maxLength={30} hint="在中国境内(内地)注册的企业填写:18 位,见营业执照。" />
      </div>
      <fieldset class="field-group company-abroad">
        <legend>境外企业(含港澳台地区)填写</legend>
        <SelectField state={state} name="registrationCountry" label="注册国家或地区" options={[]} groups={COUNTRY_GROUPS} placeholder="请选择注册国家或地区" />
        <TextField
          state={state}
          name="registrationNumber"
          label="境外注册号"
          maxLength={REGISTRATION_NUMBER_MAX}
          hint="企业在注册国家或地区的登记号码,如德国商业登记号 HRB 123456、香港公司注册编号 1234567。"
        />
      </fieldset>
    </div>
  );
}

/** The identity as rows of a two-column table (`<th scope="row">` and its value). */
export function CompanyIdentityRows(props: { company: CompanyIdentity }) {
  return (
    <>
      {companyIdentityLines(props.company).map(([label, value]) => (
        <tr>
          <th scope="row">{label}</th>
          <td class={label === '注册地' ? 'registration-kind' : undefined}>{value}</td>
        </tr>
      ))}
    </>
  );
}
