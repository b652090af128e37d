// What the audit log's codes mean in Chinese: each action recorded anywhere, the fields its
// before/after carry, and their coded values, so the log reads "状态:待审核 → 已发布" and not JSON.
// Every action passed to recordAudit must be named here (audit-catalogue.test.ts scans src/).
import { ROLE_NAMES } from '../accounts/account.ts';
import { APPEAL_STATUS_NAMES } from '../appeals/appeal.ts';
import { labelledChinaDateTime } from '../lib/china-time.ts';

/** Every audit action, by code, with its Chinese name. */
export const AUDIT_ACTION_NAMES = {
  'article.create': '新建文章',
  'article.update': '编辑文章',
  'article.publish': '发布文章',
  'article.publish_scheduled': '定时发布文章',
  'article.unpublish': '撤回文章为草稿',
  'article.restore': '恢复修订为草稿',
  'article.english_update': '编辑文章英文版',
  'article.english_remove': '删除文章英文版',
  'submission.publish': '采用投稿并发布',
  'submission.reject': '不采用投稿',
  'submission.edit': '修改投稿',
  'application.approve': '批准入驻申请',
  'application.reject': '驳回入驻申请',
  'message.handle': '处理留言',
  'question.accept': '受理问题',
  'question.decline': '不予受理问题',
  'question.transfer': '转办问题',
  'question.answer': '答复问题',
  'appeal.assign': '分办企业诉求',
  'appeal.transfer': '转办企业诉求',
  'appeal.note': '记录诉求办理进展',
  'appeal.extension_request': '申请诉求延期',
  'appeal.extension_approve': '批准诉求延期',
  'appeal.extension_reject': '驳回诉求延期',
  'appeal.resolve': '办结企业诉求',
  'appeal.review': '复核企业诉求并重新分办',
  'policy.create': '新建政策文件',
  'policy.update': '编辑政策文件',
  'policy.amend': '标记政策文件已修订',
  'policy.repeal': '标记政策文件已废止',
  'policy.reinstate': '恢复政策文件为现行有效',
  'policy.link': '关联政策解读',
  'policy.unlink': '取消关联政策解读',
  'policy.english_update': '编辑政策文件英文版',
  'policy.english_remove': '删除政策文件英文版',
  'site.create': '新建载体',
  'site.update': '编辑载体',
  'site.delete': '删除载体',
  'site.confirm': '确认载体空置信息',
  'attachment.upload': '上传附件',
  'attachment.remove': '删除附件',
  'attachment.reorder': '调整附件顺序',
  'fact.confirm': '确认数据',
  'fact.correct': '更正数据',
  'fact.delete': '删除数据',
  'fact.confirm_article': '确认文章全部数据',
  'project.create': '新建项目',
  'project.confirm': '确认项目',
  'project.correct': '更正项目',
  'project.delete': '删除项目',
  'project.stage': '更新项目阶段',
  'project.milestone': '设置项目节点日期',
  'user.create': '新建用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password': '修改密码',
  'user.password.reset': '重置密码',
  'user.roles': '修改角色和负责频道',
  'user.unlock': '解除锁定',
  login: '登录',
  'login.failed': '登录失败',
  'login.locked': '登录失败次数过多,账号锁定',
  logout: '退出登录',
  'privacy.purge': '清除过期个人信息',
  'notification.read': '标记提醒为已读',
  'notification.email': '设置提醒邮箱',
} as const;

/** An action the audit log knows. */
export type AuditAction = keyof typeof AUDIT_ACTION_NAMES;

/** The Chinese name of an action; an unknown code (from a newer or older version) shows as itself. */
export function auditActionName(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_NAMES, action) ? AUDIT_ACTION_NAMES[action as AuditAction] : action;
}

/** What kind of item an entry is about. */
const TARGET_NAMES: Record<string, string> = {
  article: '文章',
  submission: '投稿',
  application: '入驻申请',
  message: '留言',
  question: '问答',
  appeal: '企业诉求',
  policy: '政策文件',
  site: '载体',
  indicator_fact: '数据',
  project: '项目',
  user: '用户',
  personal_data: '个人信息',
  notification: '待办提醒',
};

/** The Chinese name of a target type, or the code itself. */
export function auditTargetName(targetType: string): string {
  return TARGET_NAMES[targetType] ?? targetType;
}

/** The fields entries record before and after, by the names the services write. */
const FIELD_NAMES: Record<string, string> = {
  status: '状态',
  reason: '原因',
  title: '标题',
  machineTranslated: '机器翻译',
  channel: '频道',
  channels: '负责频道',
  publishedOn: '发布日期',
  publishAt: '定时发布时间',
  articleId: '文章编号',
  replyNote: '答复说明',
  disabledAt: '停用时间',
  name: '名称',
  role: '角色',
  roles: '角色',
  body: '正文',
  lockedUntil: '锁定至',
  failedLogins: '连续登录失败次数',
  confirmed: '已确认数据编号',
  closedBefore: '截止时间',
  submissions: '投稿数',
  applications: '入驻申请数',
  messages: '留言数',
  questions: '问答数',
  appeals: '企业诉求数',
  appealStatus: '状态',
  handler: '承办人',
  dueOn: '办理期限',
  workingDays: '延期工作日',
  note: '办理进展',
  resolution: '办理结果',
  onTime: '按期办结',
  extension: '延期申请',
  answer: '答复',
  curation: '核对结果',
  stage: '阶段',
  amount: '金额',
  amountYi: '金额(亿元)',
  unit: '单位',
  industry: '行业',
  place: '地点',
  year: '年份',
  period: '期间',
  kind: '类别',
  vacantM2: '空置面积(平方米)',
  landStatus: '土地状态',
  confirmedOn: '确认日期',
  areaM2: '面积(平方米)',
  value: '数值',
  growth: '增速',
  stretch: '目标区间',
  qualifier: '限定语',
  indicator: '指标',
  docNumber: '发文字号',
  issuer: '发文机关',
  level: '层级',
  topic: '主题',
  writtenOn: '成文日期',
  effectiveOn: '实施日期',
  validUntil: '有效期至',
  replacedBy: '替代文件编号',
  restoredFrom: '恢复自修订',
  revisionId: '新修订编号',
  email: '邮箱',
  fileType: '文件类型',
  size: '大小(字节)',
  hash: '内容摘要(SHA-256)',
  position: '位置',
};

/** Coded values, by field. */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  status: {
    draft: '草稿',
    scheduled: '定时发布',
    published: '已发布',
    pending: '待审核',
    rejected: '未通过',
    approved: '已批准',
    open: '待处理',
    handled: '已处理',
    received: '待受理',
    accepted: '已受理',
    declined: '不予受理',
    answered: '已答复',
    in_force: '现行有效',
    amended: '已修订',
    repealed: '已废止',
  },
  appealStatus: APPEAL_STATUS_NAMES,
  onTime: { true: '是', false: '否' },
  curation: { confirmed: '已确认', corrected: '已更正', deleted: '已删除' },
  role: ROLE_NAMES,
  roles: ROLE_NAMES,
};

/** Fields that hold an instant, shown in Beijing time. */
const TIME_FIELDS = new Set(['publishAt', 'disabledAt', 'closedBefore', 'lockedUntil']);

/** The Chinese name of a field, or its code. */
export function auditFieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

/** One field's value as a reader reads it; `channelName` names a channel slug. */
function readableValue(field: string, value: unknown, channelName: (slug: string) => string): string {
  if (value === null || value === undefined || value === '') return '(空)';
  if (Array.isArray(value)) return value.length === 0 ? '(无)' : value.map((item) => readableValue(field, item, channelName)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${auditFieldName(key)}:${readableValue(key, inner, channelName)}`)
      .join(',');
  }
  const text = String(value);
  if (field === 'channel' || field === 'channels') return channelName(text);
  if (TIME_FIELDS.has(field)) return labelledChinaDateTime(text);
  return VALUE_NAMES[field]?.[text] ?? text;
}

/** Parses an entry's stored before/after; anything not a JSON object is kept as one unnamed value. */
function fieldsOf(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { '': parsed };
  } catch {
    return { '': json };
  }
}

/** One line of an entry's change: a field that changed or was recorded, or one only recorded before (context). */
export interface ChangeLine {
  kind: 'change' | 'before';
  text: string;
}

/**
 * An entry's change, one line per field: "状态:待审核 → 已发布" for a changed field, "原因:…" for
 * one only recorded after, and as `before` lines the fields only recorded before (services record
 * the item as it was and only what changed); unchanged fields are left out.
 */
export function readableChanges(before: string | null, after: string | null, channelName: (slug: string) => string = (slug) => slug): ChangeLine[] {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const changes: ChangeLine[] = [];
  const context: ChangeLine[] = [];
  for (const field of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const label = field === '' ? '' : `${auditFieldName(field)}:`;
    const was = readableValue(field, old[field], channelName);
    const is = readableValue(field, now[field], channelName);
    if (!(field in old)) changes.push({ kind: 'change', text: `${label}${is}` });
    else if (!(field in now)) context.push({ kind: 'before', text: `${label}${was}` });
    else if (was !== is) changes.push({ kind: 'change', text: `${label}${was} → ${is}` });
  }
  return [...changes, ...context];
}
