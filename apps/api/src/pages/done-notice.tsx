/** What a form just did, after its redirect (`?done=`): shown unless the page comes back with a refusal. */
export const DoneNotice = ({ done, refused }: { done: string | undefined; refused?: unknown }) =>
  done === undefined || refused !== undefined ? null : (
    <p class="ok" role="status">
      已提交：{done}
    </p>
  );
