// How the open API shows an item's attachments: the schema its items' JSON includes and the JSON
// of a list. Addresses are the public /files ones, relative like the API's other `url`s.
import { z } from '@hono/zod-openapi';
import { fileUrl, variantUrl, type Attachment } from './attachment.ts';
import { FILE_TYPES, type FileType } from './file-type.ts';

const FILE_TYPE_NAMES = Object.keys(FILE_TYPES) as [FileType, ...FileType[]];

/** One attachment in the API's JSON. */
export const AttachmentSchema = z
  .object({
    name: z.string().openapi({ description: '文件名', example: '措施全文.pdf' }),
    url: z.string().openapi({ description: '下载地址', example: '/files/3a7bd3e2…/措施全文.pdf' }),
    fileType: z.enum(FILE_TYPE_NAMES).openapi({ description: '按文件内容识别的类型' }),
    contentType: z.string().openapi({ example: 'application/pdf' }),
    size: z.number().int().openapi({ description: '字节数' }),
    width: z.number().int().nullable().openapi({ description: '图片宽度(像素);文档为 null' }),
    height: z.number().int().nullable().openapi({ description: '图片高度(像素);文档为 null' }),
    sizes: z.array(z.object({ width: z.number().int(), url: z.string() })).openapi({ description: '图片适合网页的尺寸(WebP,由窄到宽);文档与小图为空' }),
  })
  .openapi('Attachment');

/** The attachments of an item as the API's JSON gives them. */
export const AttachmentListSchema = z.array(AttachmentSchema).openapi({ description: '附件(按编辑排定的顺序)' });

/** The JSON of an item's attachments. */
export function attachmentsJson(attachments: readonly Attachment[]): Array<z.infer<typeof AttachmentSchema>> {
  return attachments.map((attachment) => ({
    name: attachment.name,
    url: fileUrl(attachment),
    fileType: attachment.fileType,
    contentType: attachment.contentType,
    size: attachment.size,
    width: attachment.width,
    height: attachment.height,
    sizes: attachment.variants.map((variant) => ({ width: variant.width, url: variantUrl(attachment, variant) })),
  }));
}
