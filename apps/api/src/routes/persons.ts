import { personStream } from '@xinfang/domain';
import { officeOnly } from '../access';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { priorResult } from '../command-context';

/**
 * `DELETE /persons/{id}`: forgets a petitioner (the office only). The erasure is recorded at the clock's
 * now and the person's key destroyed: the events stay (the hash chain still verifies), their personal
 * data reads `[已删除]`. An unknown person is a 404 (`personNotFound`); erasing an erased person again is
 * a 422 (`personAlreadyErased`) — the erasure is a fact with a time, not a state to set twice — while a
 * retry with the same Idempotency-Key returns the first answer.
 */
export const persons = resource('/persons').on(
  {
    method: 'DELETE',
    path: '/{id}',
    operationId: 'erasePerson',
    tag: 'persons',
    summary: { zh: '删除信访人个人信息', en: 'Forget a petitioner' },
    notes: {
      zh: '销毁其个人信息的密钥；事件保留，个人信息显示为 [已删除]。',
      en: 'The key of their personal data is destroyed; the events stay, the data reads [已删除].',
    },
    success: 200,
    reply: 'command',
    roles: officeOnly,
  },
  async (c) => {
    const { id } = c.req.valid('param');
    const context = commandContext(c);
    const { office, clock } = c.var.services;
    const prior = await priorResult(c, context, (r) => r.streamId === personStream(id));
    const result = prior ?? (await office.erasePerson(id, clock.now(), context));
    return commandReply(c, id, result, 200);
  },
);
