import type { Role } from '../roles';
import type { ApiFetch } from './page-env';
import { LabeledField } from './field-errors';
import { postedText } from './form-values';
import type { PageProblem } from './problems';

/*
 * The petitioner of a registration form (a visit, a new case): picked from the existing files (the office
 * searches them; the page links back with the `personId` alone — no name in an address — and reads the
 * name from the person's file) or typed in new. The API matches a
 * returning petitioner by id number itself.
 */

export interface FoundPerson {
  readonly personId: string;
  readonly name: string;
  readonly cases: number;
  readonly visits: number;
}

export interface PetitionerProps {
  readonly role: Role;
  readonly typed: Readonly<Record<string, unknown>>;
  readonly problem?: PageProblem | undefined;
  readonly found?: readonly FoundPerson[] | undefined;
  /** The form's page: a picked person links back to it. */
  readonly path: string;
}

const text = postedText;

/**
 * The person a form's address picked (`?personId=`), as `{personId, personName}` typed values: the name is
 * read from the person's file (GET /persons/{id}, the office's), never taken from the address. Nothing
 * when none was picked or the file cannot be read.
 */
export const pickedPerson = async (api: ApiFetch, personId: string | undefined): Promise<Record<string, string>> => {
  if (personId === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(personId)) return {};
  const response = await api(`/api/v1/persons/${personId}`);
  if (!response.ok) return {};
  const file = (await response.json()) as { status?: string; petitioner?: { name?: string } };
  return file.status === 'registered' && typeof file.petitioner?.name === 'string' ? { personId, personName: file.petitioner.name } : {};
};

/** What the form posted → the one petitioner of the API body. */
export const petitionerOf = (typed: Readonly<Record<string, unknown>>): Record<string, string> => {
  const optional = (name: string) => (text(typed, name) === '' ? {} : { [name]: text(typed, name) });
  const personId = text(typed, 'personId');
  return personId !== ''
    ? { name: text(typed, 'personName'), personId }
    : { name: text(typed, 'name'), ...optional('idNumber'), ...optional('phone'), ...optional('address') };
};

/** The paths of the petitioner's fields, for a form's list of errors shown beside their inputs. */
export const PETITIONER_PATHS = ['petitioners.0.name', 'petitioners.0.idNumber', 'petitioners.0.phone', 'petitioners.0.address'];

const PetitionerField = (props: { name: string; label: string; errors: PageProblem | undefined; children: unknown }) => (
  <LabeledField idPrefix="form" path={props.name} label={props.label} problem={props.errors}>
    {props.children}
  </LabeledField>
);

export const PetitionerSection = ({ typed, problem, role, found, path }: PetitionerProps) => {
  const personId = text(typed, 'personId');
  const value = (name: string) => text(typed, name);
  return (
    <fieldset>
      <legend>信访人</legend>
      {personId !== '' ? (
        <p>
          已选：{value('personName')}（档案 {personId}）
          <input type="hidden" name="personId" value={personId} />
          <input type="hidden" name="personName" value={value('personName')} />{' '}
          <a href={path}>改为新登记</a>
        </p>
      ) : (
        <div class="fields">
          <PetitionerField name="petitioners.0.name" label="姓名" errors={problem}>
            <input id="form-petitioners.0.name" name="name" value={value('name')} required />
          </PetitionerField>
          <PetitionerField name="petitioners.0.idNumber" label="身份证号" errors={problem}>
            <input id="form-petitioners.0.idNumber" name="idNumber" value={value('idNumber')} size={20} />
          </PetitionerField>
          <PetitionerField name="petitioners.0.phone" label="联系电话" errors={problem}>
            <input id="form-petitioners.0.phone" name="phone" value={value('phone')} size={14} />
          </PetitionerField>
          <PetitionerField name="petitioners.0.address" label="住址" errors={problem}>
            <input id="form-petitioners.0.address" name="address" value={value('address')} size={30} />
          </PetitionerField>
        </div>
      )}
      {role.kind === 'office' && personId === '' && found !== undefined && (
        <ul class="found">
          {found.length === 0 ? (
            <li class="muted">未找到已有档案，请按新信访人登记。</li>
          ) : (
            found.map((person) => (
              <li>
                <a href={`${path}?${new URLSearchParams({ personId: person.personId }).toString()}`}>
                  选用 {person.name}
                </a>{' '}
                <span class="muted">
                  （{person.cases} 件事项，{person.visits} 次来访）
                </span>
              </li>
            ))
          )}
        </ul>
      )}
    </fieldset>
  );
};
