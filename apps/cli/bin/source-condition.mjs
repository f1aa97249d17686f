/*
 * A module resolve hook that adds the `@xinfang/source` export condition, as `node --conditions=@xinfang/source`
 * would: the workspace's packages then resolve to their TypeScript sources instead of a built dist/.
 */
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions ?? [];
  return nextResolve(specifier, conditions.includes('@xinfang/source') ? context : { ...context, conditions: [...conditions, '@xinfang/source'] });
}
