/*
 * What a page shows of an API refusal (problem+json, problem.ts): the Chinese half of its title and detail,
 * and its field errors by field, for the form to put beside each field.
 */

export interface PageProblem {
  readonly status: number;
  /** Chinese, e.g. `无权访问`. */
  readonly title: string;
  /** Chinese, or the detail as it came when it has no Chinese half. */
  readonly detail: string;
  /** Field path (e.g. `petitioners.0.name`) → its messages. */
  readonly fieldErrors: ReadonlyMap<string, readonly string[]>;
}

/**
 * The Chinese half of `中文 / English`: the text before the last ` / ` that is followed only by text
 * without Chinese characters; text without such a split is kept whole.
 */
export const chinesePart = (text: string): string => {
  const at = text.lastIndexOf(' / ');
  if (at <= 0) return text;
  const english = text.slice(at + 3);
  return /[\u3400-\u9fff]/.test(english) ? text : text.slice(0, at);
};

/** Reads a refusal of the API into what a page shows. */
export const readProblem = async (response: Response): Promise<PageProblem> => {
  const body = (await response.json().catch(() => ({}))) as {
    title?: unknown;
    detail?: unknown;
    id?: unknown;
    type?: unknown;
    errors?: unknown;
  };
  const title = typeof body.title === 'string' ? chinesePart(body.title) : `错误 ${response.status}`;
  const fieldErrors = new Map<string, string[]>();
  if (Array.isArray(body.errors)) {
    for (const error of body.errors as { path?: unknown; message?: unknown }[]) {
      const path = typeof error.path === 'string' ? error.path : '';
      const message = typeof error.message === 'string' ? chinesePart(error.message) : '';
      fieldErrors.set(path, [...(fieldErrors.get(path) ?? []), message]);
    }
  }
  // A not-found names what was looked for twice (`信访事项 / case x 不存在 / 信访事项 / case x does not exist`):
  // the id is enough.
  const notFound = typeof body.type === 'string' && body.type.endsWith('/not-found') && typeof body.id === 'string';
  const detail = notFound ? `${String(body.id)} 不存在` : typeof body.detail === 'string' ? chinesePart(body.detail) : '';
  return { status: response.status, title, detail, fieldErrors };
};
