// The attachment panel of a console editor: the item's files with their type and size, buttons to
// move or remove each, and the upload form (multipart, with the CSRF token like every console form).
import { ActionForm } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { TableScroll } from '../../http/table-scroll.tsx';
import { formatFileSize, type Attachment } from '../attachment.ts';
import type { OwnerKindName } from '../attachment-owners.ts';
import { ACCEPTED_TYPES_TEXT, FILE_TYPES } from '../file-type.ts';

/** What the file input offers to pick (the server checks the bytes whatever the name). */
const ACCEPT = [...new Set(Object.values(FILE_TYPES).flatMap((type) => [`.${type.extension}`, type.mime]))].concat('.jpeg').join(',');

/** The panel for one item; `maxBytes` is UPLOAD_MAX_BYTES. */
export function AttachmentPanel(props: { ownerKind: OwnerKindName; ownerId: number; attachments: readonly Attachment[]; token: string; maxBytes: number }) {
  const { attachments, token } = props;
  return (
    <section id="attachments" class="attachment-panel" aria-labelledby="attachment-panel-title">
      <h2 id="attachment-panel-title">附件</h2>
      {attachments.length === 0 ? (
        <p>还没有附件。</p>
      ) : (
        <TableScroll label="附件列表">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">类型</th>
                <th scope="col">大小</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment, index) => (
                <tr>
                  <td>
                    <a href={`/admin/attachments/${attachment.id}/file`}>{attachment.name}</a>
                  </td>
                  <td>{FILE_TYPES[attachment.fileType].label}</td>
                  <td>{formatFileSize(attachment.size)}</td>
                  <td class="attachment-actions">
                    {index > 0 && (
                      <ActionForm action={`/admin/attachments/${attachment.id}/move`} token={token} label="上移">
                        <input type="hidden" name="direction" value="up" />
                      </ActionForm>
                    )}
                    {index < attachments.length - 1 && (
                      <ActionForm action={`/admin/attachments/${attachment.id}/move`} token={token} label="下移">
                        <input type="hidden" name="direction" value="down" />
                      </ActionForm>
                    )}
                    <ActionForm action={`/admin/attachments/${attachment.id}/remove`} token={token} label="删除" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form class="public-form" method="post" action={`/admin/attachments/upload/${props.ownerKind}/${props.ownerId}`} enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={token} />
        <div class="field">
          <label for="field-file">
            上传附件<span class="required">(必填)</span>
          </label>
          <p class="field-hint" id="hint-file">
            可上传 {ACCEPTED_TYPES_TEXT},每个不超过 {formatFileSize(props.maxBytes)}。图片会自动生成适合网页的尺寸。
          </p>
          <input id="field-file" type="file" name="file" required accept={ACCEPT} aria-describedby="hint-file" />
        </div>
        <button type="submit">上传</button>
      </form>
    </section>
  );
}
