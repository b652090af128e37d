// The attachments of an item on its public page: pictures shown (their web copies, sized by the
// browser from srcset), then every file listed with its type and size, to download.
import { fileUrl, formatFileSize, isImage, variantUrl, type Attachment } from '../attachment.ts';
import { FILE_TYPES } from '../file-type.ts';

/** The srcset of a picture's web copies, or undefined when it has none (it is small already). */
export function imageSrcset(attachment: Attachment): string | undefined {
  if (attachment.variants.length === 0) return undefined;
  return attachment.variants.map((variant) => `${variantUrl(attachment, variant)} ${variant.width}w`).join(', ');
}

/** A picture at its best web size for the reader's screen; the alt text is the file's name without extension. */
export function AttachmentImage(props: { attachment: Attachment }) {
  const { attachment } = props;
  const widest = attachment.variants.at(-1);
  return (
    <figure class="attachment-image">
      <img
        src={widest ? variantUrl(attachment, widest) : fileUrl(attachment)}
        srcset={imageSrcset(attachment)}
        sizes="(max-width: 960px) 100vw, 960px"
        width={attachment.width ?? undefined}
        height={attachment.height ?? undefined}
        alt={attachment.name.replace(/\.[^.]+$/u, '')}
        loading="lazy"
        decoding="async"
      />
    </figure>
  );
}

/** The section readers see; nothing when the item has no attachments. */
export function AttachmentList(props: { attachments: readonly Attachment[] }) {
  if (props.attachments.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      {props.attachments.filter(isImage).map((attachment) => (
        <AttachmentImage attachment={attachment} />
      ))}
      <ul class="attachment-list">
        {props.attachments.map((attachment) => (
          <li>
            <a href={fileUrl(attachment)} {...(isImage(attachment) ? {} : { download: attachment.name })}>
              {attachment.name}
            </a>{' '}
            <span class="attachment-meta">
              ({FILE_TYPES[attachment.fileType].label},{formatFileSize(attachment.size)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
