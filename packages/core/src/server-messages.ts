import { fieldMessages } from './server-messages-fields.ts';
import { codeOf, validationMessages, type ValidationIssue, type ValidationMessageCode } from './validation-messages.ts';

/** The schema validation texts, as catalogue messages `validation.<code>` (for schemas parsed in a service). */
const validationEntries = Object.fromEntries(
  Object.entries(validationMessages).map(([code, text]) => [`validation.${code}`, text]),
) as { [K in ValidationMessageCode as `validation.${K}`]: (typeof validationMessages)[K] };

/**
 * Texts the server writes for a person (a problem's `detail`, a notification) in Chinese and
 * English, keyed by a message id. A service names the message and its parameters; the text is
 * rendered in the reader's language when it is sent (Accept-Language, Chinese by default), so
 * a stored notification keeps the id and parameters, not the text. `{name}` takes a parameter;
 * a parameter may itself be a message (a record's name: `{thing}` ← `record.region`).
 */
export const serverMessages = {
  ...fieldMessages,
  ...validationEntries,
  // Names of records, for "not found" and similar texts.
  'record.region': { zh: '行政区划', en: 'region' },
  'record.case': { zh: '案件', en: 'case' },
  'record.dataSet': { zh: '数据集', en: 'data set' },
  'record.plan': { zh: '规划', en: 'plan' },
  'record.leaderInstruction': { zh: '领导批示', en: 'leader instruction' },
  'record.photo': { zh: '照片', en: 'photo' },
  'record.indicator': { zh: '指标', en: 'indicator' },
  'record.version': { zh: '版本', en: 'version' },
  'record.user': { zh: '用户', en: 'user' },
  'record.task': { zh: '任务', en: 'task' },
  'record.round': { zh: '测评轮次', en: 'round' },
  'record.report': { zh: '进展报送', en: 'report' },
  'record.regionGroup': { zh: '地区分组', en: 'region group' },
  'record.publication': { zh: '测评结果发布', en: 'publication' },
  'record.notice': { zh: '督办单', en: 'notice' },
  'record.meeting': { zh: '会议', en: 'meeting' },
  'record.incident': { zh: '负面清单事件', en: 'incident' },
  'record.frameworkEdition': { zh: '测评体系版本', en: 'framework edition' },
  'record.framework': { zh: '测评体系', en: 'framework' },
  'record.auditEntry': { zh: '审计记录', en: 'audit entry' },
  'record.target': { zh: '目标', en: 'target' },
  'record.organisation': { zh: '单位', en: 'organisation' },
  'record.orgUnit': { zh: '单位', en: 'org unit' },
  'record.notification': { zh: '通知', en: 'notification' },
  'record.finding': { zh: '测评发现的问题', en: 'finding' },
  'record.dispatchRule': { zh: '派遣规则', en: 'dispatch rule' },
  'record.category': { zh: '问题类型', en: 'category' },
  'record.attachment': { zh: '附件', en: 'attachment' },
  'record.actionItem': { zh: '会议议定事项', en: 'action item' },
  'record.regionMap': { zh: '下级地区地图', en: 'a map of the regions under' },
  'record.apiToken': { zh: 'API 令牌', en: 'API token' },
  'record.evidence': { zh: '测评材料', en: 'evidence' },

  // Roles and evaluation methods, as parameters of other messages.
  'role.province_admin': { zh: '省级管理员', en: 'province_admin' },
  'role.city_admin': { zh: '市级管理员', en: 'city_admin' },
  'role.unit_officer': { zh: '单位联络员', en: 'unit_officer' },
  'role.inspector': { zh: '督查员', en: 'inspector' },
  'role.volunteer_manager': { zh: '志愿服务管理员', en: 'volunteer_manager' },
  'role.auditor': { zh: '审计员', en: 'auditor' },
  'role.resident': { zh: '市民', en: 'resident' },
  'method.material': { zh: '网上材料审核', en: 'material' },
  'method.field': { zh: '实地考察', en: 'field' },
  'method.questionnaire': { zh: '问卷调查', en: 'questionnaire' },
  'method.indicator': { zh: '指标数据', en: 'indicator' },
  'method.simulation': { zh: '实景模拟验证', en: 'simulation' },

  // Permissions, as parameters of refusals.
  'permission.region.read': { zh: '查看行政区划', en: 'region.read' },
  'permission.region.write': { zh: '维护行政区划', en: 'region.write' },
  'permission.group.write': { zh: '维护地区分组', en: 'group.write' },
  'permission.org.read': { zh: '查看单位', en: 'org.read' },
  'permission.org.write': { zh: '维护单位', en: 'org.write' },
  'permission.user.read': { zh: '查看用户', en: 'user.read' },
  'permission.user.write': { zh: '管理用户', en: 'user.write' },
  'permission.audit.read': { zh: '查看审计日志', en: 'audit.read' },
  'permission.plan.read': { zh: '查看规划', en: 'plan.read' },
  'permission.plan.write': { zh: '维护规划', en: 'plan.write' },
  'permission.report.write': { zh: '报送进展', en: 'report.write' },
  'permission.supervision.read': { zh: '查看督查督办', en: 'supervision.read' },
  'permission.supervision.write': { zh: '督查督办', en: 'supervision.write' },
  'permission.indicator.read': { zh: '查看指标', en: 'indicator.read' },
  'permission.indicator.write': { zh: '维护指标', en: 'indicator.write' },
  'permission.data.enter': { zh: '填报数据', en: 'data.enter' },
  'permission.data.approve': { zh: '审核数据', en: 'data.approve' },
  'permission.evaluation.read': { zh: '查看测评', en: 'evaluation.read' },
  'permission.evaluation.manage': { zh: '管理测评', en: 'evaluation.manage' },
  'permission.evaluation.score': { zh: '测评评分', en: 'evaluation.score' },
  'permission.incident.write': { zh: '记录负面清单事件', en: 'incident.write' },
  'permission.title.write': { zh: '记录称号决定', en: 'title.write' },
  'permission.case.report': { zh: '上报案件', en: 'case.report' },
  'permission.case.read': { zh: '查看案件', en: 'case.read' },
  'permission.case.dispatch': { zh: '受理派遣案件', en: 'case.dispatch' },
  'permission.case.handle': { zh: '处置案件', en: 'case.handle' },
  'permission.case.verify': { zh: '核查案件', en: 'case.verify' },
  'permission.case.configure': { zh: '配置案件规则', en: 'case.configure' },
  'permission.personal_data.reveal': { zh: '查看完整个人信息', en: 'personal_data.reveal' },

  // Not found.
  notFound: { zh: '未找到{thing} {id}', en: '{thing} {id}' },
  'notFound.versionOf': { zh: '未找到{thing} {owner} 的第 {version} 版', en: 'version {version} of {thing} {owner}' },
  'notFound.regionInRound': {
    zh: '测评轮次 {round} 不包含地区 {region}',
    en: 'region {region} in round {round}',
  },
  'notFound.publicationOfRound': {
    zh: '测评轮次 {round} 没有第 {version} 次发布',
    en: 'publication {version} of round {round}',
  },
  'notFound.fileMissing': {
    zh: '{thing} {id} 的文件已不在存储中',
    en: 'the file of {thing} {id} is missing from storage',
  },
  'notFound.resultEntry': {
    zh: '第 {version} 次发布中没有地区 {region} 的审计记录（该次发布早于结果入审计日志）',
    en: 'an audit entry for {region} in version {version} (published before results were logged)',
  },
  'notFound.caseContact': { zh: '未找到案件 {id} 的联系方式', en: 'case {id} contact' },
  'notFound.indicatorLevel': {
    zh: '行政区划 {id}：指标只统计到县级及以上',
    en: 'region {id}: indicators are kept for counties and above',
  },

  // Role and scope.
  'forbidden.roleLacks': { zh: '角色“{role}”没有“{permission}”权限', en: 'role {role} lacks {permission}' },
  'scope.regionOutside': { zh: '行政区划 {region} 不在您的管辖范围内', en: 'region {region} is outside your scope' },
  'scope.organisationOutside': {
    zh: '行政区划 {region} 的单位不在您的管辖范围内',
    en: 'organisation in region {region} is outside your scope',
  },
  'scope.planOutside': { zh: '该规划由您管辖范围以外的地区印发', en: 'this plan is issued outside your region' },
  'scope.planImport': {
    zh: '只能为您管辖范围内的地区导入规划',
    en: 'you may import plans only for regions within your scope',
  },
  'scope.accountOutside': { zh: '该账号不在您的管辖范围内', en: 'this account is outside your scope' },
  'scope.newScopeOutside': { zh: '新的管辖范围超出了您自己的范围', en: 'the new scope lies outside your own' },
  'scope.unitOutside': { zh: '该单位不在您的管辖范围内', en: 'this organisation is outside your scope' },
  'scope.roundOutside': {
    zh: '该测评轮次不测评您管辖范围内的任何地区',
    en: 'this round evaluates no region in your scope',
  },
  'scope.meetingOutside': { zh: '该会议在您的管辖范围以外召开', en: 'this meeting is held outside your scope' },
  'scope.reportsOutside': { zh: '该单位的报送不在您的管辖范围内', en: "this unit's reports are outside your scope" },
  'forbidden.noOrganisation': { zh: '您的账号不属于任何单位', en: 'your account belongs to no organisation' },
  'forbidden.grantRole': { zh: '“{actor}”不能授予“{role}”角色', en: 'a {actor} cannot grant the role {role}' },
  'forbidden.manageRole': { zh: '“{actor}”不能管理“{role}”账号', en: 'a {actor} cannot manage a {role}' },
  'forbidden.ownRole': { zh: '不能修改自己的角色或管辖范围', en: 'you cannot change your own role or scope' },
  'forbidden.casePhotos': { zh: '角色“{role}”不能给案件添加照片', en: 'role {role} cannot add photos to cases' },
  'forbidden.ownMaterial': {
    zh: '只能给自己提交的材料添加文件',
    en: 'files go on material you submitted yourself',
  },
  'forbidden.ownFindings': {
    zh: '只能给自己记录的问题添加照片',
    en: 'photos go on findings you recorded yourself',
  },
  'forbidden.unannouncedRound': {
    zh: '暗访测评在结果发布后才公开',
    en: 'an unannounced round is revealed when it is published',
  },
  'forbidden.notAssigned': {
    zh: '您未被分配在本轮为地区 {region} 进行“{method}”评分',
    en: 'you are not assigned to score {method} for region {region} in this round',
  },
  'forbidden.scoresUnpublished': {
    zh: '测评结果发布后，本地区才能查看得分',
    en: 'scores are visible to the region once the round is published',
  },
  'forbidden.rankingUnpublished': {
    zh: '测评结果发布后才能查看排名',
    en: 'the ranking is visible once the round is published',
  },
  'forbidden.uploadWhileOpen': {
    zh: '只能在测评轮次开放期间上传材料',
    en: 'material is uploaded while the round is open',
  },
  'forbidden.reviewerApproves': {
    zh: '审核反馈的人不能同时审批，请由另一位领导审批',
    en: 'the reviewer of a reply does not also approve it; another leader approves',
  },
  'forbidden.noticeOtherUnit': {
    zh: '该督办单下发给了其他单位',
    en: 'this notice is addressed to another organisation',
  },
  'forbidden.noticeAnswer': {
    zh: '只有督办单的责任单位可以答复',
    en: 'only the organisation the notice is addressed to answers it',
  },
  'forbidden.noticeIssuedElsewhere': {
    zh: '该督办单下发给了其他单位',
    en: 'this notice was issued to another organisation',
  },
  'forbidden.actionItemOwner': {
    zh: '只有责任单位或督查办公室可以办结此事项',
    en: 'only the owner organisation or the office completes this item',
  },
  'forbidden.meetingParticipant': {
    zh: '您的单位未参加该会议',
    en: 'your organisation took no part in this meeting',
  },
  'forbidden.reportOwnUnit': {
    zh: '只能为本单位报送进展',
    en: 'you may report only for your own organisation',
  },
  'forbidden.taskNotAssigned': { zh: '本单位未被分配此任务', en: 'your organisation is not assigned to this task' },
  'forbidden.readOwnReports': {
    zh: '只能查看本单位的报送',
    en: "you may read only your own organisation's reports",
  },
  'forbidden.ownLedger': { zh: '只能查看本单位的台账', en: 'you see only your own organisation' },

  // Problem cases: the workflow's refusals, with statuses and actions as parameters.
  'caseStatus.submitted': { zh: '待受理', en: 'submitted' },
  'caseStatus.accepted': { zh: '已立案', en: 'accepted' },
  'caseStatus.rejected': { zh: '不予立案', en: 'rejected' },
  'caseStatus.duplicate': { zh: '已合并', en: 'duplicate' },
  'caseStatus.dispatched': { zh: '已派遣', en: 'dispatched' },
  'caseStatus.handling': { zh: '处置中', en: 'handling' },
  'caseStatus.handled': { zh: '已处置待核查', en: 'handled' },
  'caseStatus.closed': { zh: '已结案', en: 'closed' },
  'caseAction.accept': { zh: '受理立案', en: 'accept' },
  'caseAction.reject': { zh: '不予立案', en: 'reject' },
  'caseAction.merge': { zh: '合并到其他案件', en: 'merge' },
  'caseAction.dispatch': { zh: '派遣', en: 'dispatch' },
  'caseAction.start': { zh: '签收处置', en: 'start' },
  'caseAction.return': { zh: '退回（派遣有误）', en: 'return' },
  'caseAction.request_extension': { zh: '申请延期', en: 'request_extension' },
  'caseAction.decide_extension': { zh: '审批延期', en: 'decide_extension' },
  'caseAction.pause': { zh: '暂停计时', en: 'pause' },
  'caseAction.resume': { zh: '恢复计时', en: 'resume' },
  'caseAction.handle': { zh: '处置完成', en: 'handle' },
  'caseAction.verify': { zh: '核查', en: 'verify' },
  'case.roleLacks': {
    zh: '角色“{role}”不能执行此操作（需要“{permissions}”权限）',
    en: 'role {role} lacks {permissions}',
  },
  'case.otherUnit': { zh: '该案件已派遣给其他单位', en: 'this case is dispatched to another unit' },
  'case.handlerVerifies': { zh: '处置案件的人不能核查该案件', en: 'whoever handled a case may not verify it' },
  'case.wrongState': {
    zh: '“{status}”的案件不能执行“{action}”',
    en: 'a {status} case cannot be given "{action}"',
  },
  'case.alreadyPaused': { zh: '计时已经暂停', en: 'the clock is already paused' },
  'case.notPaused': { zh: '计时没有暂停', en: 'the clock is not paused' },
  'case.extensionPending': {
    zh: '已有一项延期申请等待审批',
    en: 'an extension request is already waiting for a decision',
  },
  'case.noExtensionPending': { zh: '没有等待审批的延期申请', en: 'no extension request is waiting' },
  'case.resumeBeforeHandling': { zh: '请先恢复计时，再记录处置', en: 'resume the clock before recording the handling' },

  // Supervision notices and evaluation rounds: refusals by state, with statuses as parameters.
  'noticeStatus.issued': { zh: '已下发', en: 'issued' },
  'noticeStatus.acknowledged': { zh: '已签收', en: 'acknowledged' },
  'noticeStatus.replied': { zh: '已反馈', en: 'replied' },
  'noticeStatus.reviewed': { zh: '已审核', en: 'reviewed' },
  'noticeStatus.approved': { zh: '已审批', en: 'approved' },
  'noticeStatus.returned': { zh: '退回重办', en: 'returned' },
  'noticeStatus.closed': { zh: '已办结', en: 'closed' },
  'roundStatus.planned': { zh: '计划中', en: 'planned' },
  'roundStatus.open': { zh: '材料申报', en: 'open' },
  'roundStatus.scoring': { zh: '评分中', en: 'scoring' },
  'roundStatus.under_review': { zh: '审核中', en: 'under_review' },
  'roundStatus.published': { zh: '已发布', en: 'published' },
  'notice.wrongState': {
    zh: '督办单 {number} 当前为“{status}”，此操作要求其为“{needed}”',
    en: 'notice {number} is {status}; this needs it to be {needed}',
  },
  'notice.extensionPending': {
    zh: '督办单 {number} 已有一项延期申请等待审批',
    en: 'notice {number} has a pending extension request',
  },
  'notice.noExtensionPending': {
    zh: '督办单 {number} 没有等待审批的延期申请',
    en: 'notice {number} has no pending extension request',
  },
  'notice.closed': { zh: '督办单 {id} 已办结', en: 'notice {id} is closed' },
  'actionItem.done': { zh: '会议议定事项“{title}”已完成', en: 'action item {title} is already done' },
  'round.wrongState': { zh: '测评轮次当前为“{status}”', en: 'round is {status}' },
  'round.scoresWhileOpen': {
    zh: '测评轮次当前为“{status}”：只能在材料申报或评分阶段录入评分',
    en: 'round is {status}; scores are entered while it is open or scoring',
  },
  'round.correctPublished': {
    zh: '测评轮次当前为“{status}”：只能更正已发布的结果',
    en: 'round is {status}; only a published round is corrected',
  },
  'round.attestPublished': {
    zh: '测评轮次当前为“{status}”：只能证明已发布的结果',
    en: 'round is {status}; only published results are attested',
  },
  'round.assignmentsFixed': {
    zh: '测评轮次当前为“{status}”：评分分工已固定',
    en: 'round is {status}; assignments are fixed',
  },
  'round.cannotMove': {
    zh: '“{from}”的测评轮次不能转为“{to}”；可转为：{allowed}',
    en: 'a {from} round cannot move to {to}; allowed: {allowed}',
  },
  'round.moveTo': { zh: '从“{from}”只能转为：{allowed}', en: 'from {from} go to {allowed}' },
  'round.nowhere': { zh: '无', en: 'none' },
  'finding.withdrawn': { zh: '该问题已撤回', en: 'this finding is withdrawn' },
  'finding.alreadyWithdrawn': { zh: '该问题已经撤回', en: 'this finding is already withdrawn' },

  // Names that must be unique.
  'taken.already': { zh: '已被占用', en: 'already taken' },
  'taken.userName': { zh: '用户名 {name} 已被占用', en: 'user name {name} is taken' },
  'taken.regionGroup': { zh: '地区分组 {code} 已存在', en: 'region group {code} already exists' },
  'taken.unitCode': { zh: '单位代码 {code} 已被占用', en: 'org unit code {code} is taken' },
  'taken.unitCodeBy': { zh: '已被“{name}”使用', en: 'already used by {name}' },
  'taken.unitName': { zh: '{region}已有名为“{name}”的单位', en: '{region} already has a unit named {name}' },
  'taken.unitNameIn': {
    zh: '{region}已有同名单位（代码 {code}）',
    en: 'already used in {region} (code {code})',
  },
  'merge.unknownUnit': { zh: '没有这个单位：{id}', en: 'unknown org unit {id}' },
  'merge.intoItself': { zh: '单位不能并入自身', en: 'a unit cannot be merged into itself' },
  'merge.successorMerged': {
    zh: '“{name}”本身已并入其他单位，请并入承继单位',
    en: '{name} was itself merged into another unit; merge into that one',
  },
  'merge.alreadyMerged': { zh: '“{name}”已于 {on} 并入其他单位', en: '{name} was already merged on {on}' },
  'merge.already': { zh: '已合并', en: 'already merged' },

  // Indicator data entry: refusals, with the entry's status as a parameter.
  'entryStatus.empty': { zh: '未填报', en: 'empty' },
  'entryStatus.draft': { zh: '草稿', en: 'draft' },
  'entryStatus.submitted': { zh: '已报送', en: 'submitted' },
  'entryStatus.approved_city': { zh: '市级已审核', en: 'approved_city' },
  'entryStatus.approved_province': { zh: '省级已审定', en: 'approved_province' },
  'entryStatus.returned': { zh: '已退回', en: 'returned' },
  'entry.outsideScope': { zh: '不在您的管辖范围内', en: 'outside your scope' },
  'entry.ownRegionOnly': {
    zh: '单位联络员只能打开和填报本地区的报表',
    en: 'a unit officer opens and fills in the form of their own region only',
  },
  'entry.mayNotEnter': { zh: '角色“{role}”不能填报数据', en: 'role {role} may not enter data' },
  'entry.writtenByModule': {
    zh: '“{set}”由{source}模块生成，不能手工填报',
    en: '{set} is written by the {source} module, not entered',
  },
  'entry.isStatus': { zh: '该报表当前为“{status}”', en: 'the entry is {status}' },
  'entry.approverReturnsFirst': {
    zh: '该报表当前为“{status}”：须由审核机关退回后才能修改',
    en: 'the entry is {status}; the approving office must return it before it can be changed',
  },
  'entry.higherReturnsFirst': {
    zh: '该报表当前为“{status}”：须由上级退回后才能修改',
    en: 'the entry is {status}; a higher level must return it before it can be changed',
  },
  'entry.mayNotApprove': { zh: '角色“{role}”不能审核数据', en: 'role {role} may not approve data' },
  'entry.nothingToApprove': {
    zh: '该报表当前为“{status}”：没有需要审核的内容',
    en: 'the entry is {status}; there is nothing to approve',
  },
  'entry.awaitsCity': {
    zh: '该报表等待市级（第 2 级）审核',
    en: 'the entry awaits approval at level 2 (the city)',
  },
  'entry.awaitsProvince': {
    zh: '该报表等待省级（第 1 级）审核',
    en: 'the entry awaits approval at level 1 (the province)',
  },
  'entry.mayNotReturn': { zh: '角色“{role}”不能退回数据', en: 'role {role} may not return data' },
  'entry.higherReturns': { zh: '只有上级可以退回报表', en: 'only a higher level may return an entry' },
  'entry.cannotReturnNow': {
    zh: '该报表当前为“{status}”：您所在的层级现在不能退回',
    en: 'the entry is {status}; your level cannot return it now',
  },

  // Field messages of supervision notices and case actions.
  'field.unknownOrganisation': { zh: '单位 {id} 不存在', en: 'unknown organisation {id}' },
  'field.unknownPlan': { zh: '规划 {code} 不存在', en: 'unknown plan {code}' },
  'field.unknownTask': { zh: '任务 {id} 不存在', en: 'unknown task {id}' },
  'field.unknownActionItem': { zh: '会议议定事项 {id} 不存在', en: 'unknown action item {id}' },
  'field.replyDuePassed': { zh: '反馈时限已过', en: 'the reply date has passed' },
  'field.prefixForm': { zh: '文号前缀为1至20个字符，不含空格和〔〕', en: '1-20 characters, no spaces or 〔〕' },
  'field.prefixTaken': { zh: '该文号前缀已被其他单位使用', en: 'another office uses this prefix' },
  'field.mobilePhone': { zh: '请填写11位手机号码', en: 'give an 11-digit mainland mobile number' },
  'field.dateOrWorkingDays': {
    zh: '日期和工作日数只能填写一项',
    en: 'give a date or a number of working days, not both',
  },
  'field.dateOrWorkingDaysNeeded': {
    zh: '请填写日期或工作日数',
    en: 'give a date or a number of working days',
  },
  'field.newReplyDuePassed': { zh: '新的反馈时限已过', en: 'the new reply date has passed' },
  'field.extensionAfter': { zh: '请申请晚于 {due} 的日期', en: 'ask for a date after {due}' },
  'field.refusalReason': { zh: '请说明不同意的原因', en: 'give the reason for refusing' },
  'field.taskOrActionItem': {
    zh: '任务和会议议定事项只能选一个',
    en: 'give either taskId or actionItemId, not both',
  },
  'field.taskItemOrPlan': {
    zh: '请选择任务、会议议定事项或规划',
    en: 'give taskId, actionItemId or the planCode',
  },
  'field.unitNotAssigned': { zh: '该单位未被分配此任务', en: 'this organisation is not assigned to the task' },
  'field.unitNotOwner': {
    zh: '该单位不是此会议议定事项的责任单位',
    en: 'this organisation does not own the action item',
  },
  'field.ackBetween': {
    zh: '签收时限应在今天和反馈时限之间',
    en: 'acknowledge between today and the reply date',
  },
  'field.noCaseInScope': { zh: '您的管辖范围内没有该案件', en: 'no such case in your scope' },
  'field.mergeIntoItself': { zh: '案件不能合并到自身', en: 'a case cannot be merged into itself' },
  'field.mergeIntoOpen': {
    zh: '案件 {number} 当前为“{status}”，请合并到未结案件',
    en: 'case {number} is {status}; merge into an open case',
  },
  'field.mergeOtherCategory': {
    zh: '案件 {number} 属于其他问题类型',
    en: 'case {number} is of another category',
  },
  'field.noDispatchRule': {
    zh: '没有派遣规则为该地区和问题类型指定责任单位，请选择单位',
    en: 'no dispatch rule names a unit for this region and category; choose one',
  },
  'field.unitOutsideScope': { zh: '“{name}”不在您的管辖范围内', en: '{name} is outside your scope' },

  // Notifications (supervision tells organisations what needs them).
  'notification.caseDispatched': { zh: '新派遣案件 {number}', en: 'New case dispatched: {number}' },
  'notification.caseRework': {
    zh: '案件 {number} 核查未通过，请返工',
    en: 'Case {number} failed verification; rework it',
  },
  'notification.caseOverdue': { zh: '案件 {number} 已逾期，请立即处置', en: 'Case {number} is overdue; act now' },
  'notification.caseOverdueSuperior': {
    zh: '案件 {number} 已逾期（{unit}），请督促办理',
    en: 'Case {number} is overdue ({unit}); press for it to be handled',
  },
  'notification.caseStageOverdue.accept': {
    zh: '案件 {number} 超过受理立案时限，请调度台（受理）立即办理',
    en: 'Case {number} is past its time limit for acceptance; the dispatch desk (acceptance) should act now',
  },
  'notification.caseStageOverdue.dispatch': {
    zh: '案件 {number} 超过派遣时限，请调度台（派遣）立即办理',
    en: 'Case {number} is past its time limit for dispatch; the dispatch desk (dispatch) should act now',
  },
  'notification.caseStageOverdue.verify': {
    zh: '案件 {number} 超过核查时限，请核查员立即办理',
    en: 'Case {number} is past its time limit for verification; the verifier should act now',
  },
  'notification.calendarMissing': {
    zh: '节假日日历缺少 {year} 年：案件 {number} 的时限只按周一至周五计算，请导入国务院办公厅 {year} 年节假日安排',
    en: "The holiday calendar lacks {year}: case {number}'s deadline counts Monday to Friday only; import the State Council's {year} holiday schedule",
  },
  'notification.noticeReply': {
    zh: '{number}：责任单位已反馈，申请办结，请审核',
    en: '{number}: the unit replied and asks to close; review it',
  },
  'notification.noticeExtensionRequested': {
    zh: '{number}：责任单位申请延期至 {detail}',
    en: '{number}: the unit asks to extend the deadline to {detail}',
  },
  'notification.noticeReturned': {
    zh: '{number}：反馈被退回重办：{detail}',
    en: '{number}: the reply was returned for rework: {detail}',
  },
  'notification.noticeExtensionApproved': {
    zh: '{number}：延期申请已同意，反馈时限延至 {detail}',
    en: '{number}: the extension was granted; reply by {detail}',
  },
  'notification.noticeExtensionRefused': {
    zh: '{number}：延期申请未同意：{detail}',
    en: '{number}: the extension was refused: {detail}',
  },
  'notification.noticeClosed': { zh: '{number}：已办结销号', en: '{number}: closed' },
  'notification.instructionCreate': {
    zh: '新领导批示：{title}，请于 {detail} 前报送办理情况',
    en: 'New leader instruction: {title}; report on its handling by {detail}',
  },
  'notification.instructionReport': {
    zh: '{title}：主办单位报送了办理情况：{detail}',
    en: '{title}: the lead unit reported on its handling: {detail}',
  },
  'notification.instructionReturn': {
    zh: '{title}：办理情况报告被退回：{detail}',
    en: '{title}: the handling report was returned: {detail}',
  },
  'notification.instructionAccept': { zh: '{title}：已办结', en: '{title}: closed' },
  'notification.noticeIssued': { zh: '{number}：{reason}', en: '{number}: {reason}' },
  'notification.noticeIssuedBody': { zh: '请于 {due} 前反馈', en: 'reply by {due}' },
  'notification.noticeEscalated': {
    zh: '{number}：{unit}逾期未反馈（应于{due}前），请督促办理',
    en: '{number}: {unit} has not replied (due {due}); press for a reply',
  },
  'notification.noticeEscalatedNoSuperior': {
    zh: '{number}：{unit}逾期未反馈（应于{due}前），无上级机关可提级，请签发机关督促',
    en: '{number}: {unit} has not replied (due {due}) and has no superior to escalate to; the issuing office should press for a reply',
  },
  'notification.taskOverdue': {
    zh: '任务{number}已逾期（{deadline}）：{title}',
    en: 'Task {number} is overdue ({deadline}): {title}',
  },
  'notification.taskDueIn': {
    zh: '任务{number}距截止还有{days}天：{title}',
    en: 'Task {number} is due in {days} days: {title}',
  },
  'notification.milestoneOverdue': {
    zh: '任务{number}节点{milestone}已逾期（{due}）：{title}',
    en: 'Task {number}: milestone {milestone} is overdue ({due}): {title}',
  },
  'notification.milestoneDue': {
    zh: '任务{number}节点{milestone}将于{due}到期：{title}',
    en: 'Task {number}: milestone {milestone} is due on {due}: {title}',
  },
  'notification.reportMissing': {
    zh: '任务{number}未报送{period}进展：{title}',
    en: 'Task {number}: no progress report for {period}: {title}',
  },
  'notification.noticeAckOverdue': {
    zh: '{number}逾期未签收（应于{due}前签收）',
    en: '{number} was not acknowledged in time (due {due})',
  },
  'notification.noticeAckDue': { zh: '{number}请于{due}前签收', en: '{number}: acknowledge by {due}' },
  'notification.noticeReplyOverdue': {
    zh: '{number}反馈已逾期（{due}）',
    en: '{number}: the reply is overdue ({due})',
  },
  'notification.noticeReplyDue': { zh: '{number}请于{due}前反馈', en: '{number}: reply by {due}' },
  'notification.actionItemOverdue': {
    zh: '会议议定事项已逾期（{due}）：{title}',
    en: 'Meeting action item overdue ({due}): {title}',
  },
  'notification.actionItemDue': {
    zh: '会议议定事项将于{due}到期：{title}',
    en: 'Meeting action item due on {due}: {title}',
  },
  // The Excel exports of the notices and meetings lists: titles, sheet names, column headers, labels.
  'export.notices.title': { zh: '督办单台账', en: 'Supervision notices' },
  'export.notices.sheet': { zh: '督办单', en: 'Notices' },
  'export.notices.number': { zh: '督办单编号', en: 'Number' },
  'export.notices.level': { zh: '督办等级', en: 'Level' },
  'export.notices.unit': { zh: '承办单位', en: 'Unit' },
  'export.notices.subject': { zh: '督办事项', en: 'Subject' },
  'export.notices.reason': { zh: '督办事由', en: 'Reason' },
  'export.notices.requiredAction': { zh: '办理要求', en: 'Required action' },
  'export.notices.issuedAt': { zh: '下发时间', en: 'Issued at' },
  'export.notices.replyDue': { zh: '反馈期限', en: 'Reply due' },
  'export.notices.status': { zh: '状态', en: 'Status' },
  'export.notices.overdue': { zh: '是否逾期', en: 'Overdue' },
  'export.notices.overdueYes': { zh: '逾期', en: 'overdue' },
  'export.notices.repliedAt': { zh: '反馈时间', en: 'Replied at' },
  'export.notices.status.issued': { zh: '已下发', en: 'Issued' },
  'export.notices.status.acknowledged': { zh: '已签收', en: 'Acknowledged' },
  'export.notices.status.replied': { zh: '已反馈', en: 'Replied' },
  'export.notices.status.reviewed': { zh: '已审核', en: 'Reviewed' },
  'export.notices.status.approved': { zh: '已审批', en: 'Approved' },
  'export.notices.status.returned': { zh: '退回重办', en: 'Returned for rework' },
  'export.notices.status.closed': { zh: '已办结', en: 'Closed' },
  'export.notices.level.general': { zh: '一般', en: 'General' },
  'export.notices.level.key': { zh: '重点', en: 'Key' },
  'export.notices.level.urgent': { zh: '特急', en: 'Urgent' },
  'export.meetings.title': { zh: '会议台账', en: 'Meetings' },
  'export.meetings.sheet': { zh: '会议', en: 'Meetings' },
  'export.meetings.heldOn': { zh: '召开日期', en: 'Held on' },
  'export.meetings.kind': { zh: '会议类型', en: 'Type' },
  'export.meetings.name': { zh: '会议名称', en: 'Title' },
  'export.meetings.location': { zh: '会议地点', en: 'Location' },
  'export.meetings.kind.joint': { zh: '联席会议', en: 'Joint meeting' },
  'export.meetings.kind.liaison': { zh: '联络员例会', en: "Liaison officers' meeting" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ServerMessageId = keyof typeof serverMessages;

/** A message by id with its parameters; a parameter may be a message itself (a record's name). */
export interface LocalizedMessage {
  id: ServerMessageId;
  params?: Record<string, MessageParam>;
}

/** A parameter: a value, a message, or a list of them (joined with 、 or a comma). */
type MessageParam = string | number | LocalizedMessage | readonly (string | LocalizedMessage)[];

/** Builds a message reference, e.g. `message('notFound', { thing: message('record.case'), id })`. */
export function message(id: ServerMessageId, params?: LocalizedMessage['params']): LocalizedMessage {
  return params ? { id, params } : { id };
}

/** Whether a value is a message reference (as stored in a notification, or passed to an error). */
export function isLocalizedMessage(value: unknown): value is LocalizedMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    (value as { id: string }).id in serverMessages
  );
}

/** The message's text in the language asked for; an unknown placeholder is left as it is. */
export function renderMessage(text: LocalizedMessage, language: 'zh' | 'en'): string {
  // A status read from the database that the catalogue lacks shows as its id, not as a crash.
  const entry: { zh: string; en: string } | undefined = serverMessages[text.id];
  if (!entry) return text.id.replace(/^\w+\./, '');
  const template = entry[language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params?.[name];
    if (value === undefined) return whole;
    const one = (v: string | number | LocalizedMessage) =>
      typeof v === 'object' ? renderMessage(v, language) : String(v);
    if (Array.isArray(value))
      return (value as (string | LocalizedMessage)[]).map(one).join(language === 'zh' ? '、' : ', ');
    return one(value as string | number | LocalizedMessage);
  });
}

/**
 * A schema issue (from a zod parse inside a service, such as an imported file's rows) as a
 * catalogue message, so it is rendered in the reader's language like the request schemas' errors.
 * A schema's own hint (a refinement's text) is not kept: the catalogue's general text stands for it.
 */
export function issueMessage(issue: ValidationIssue): LocalizedMessage {
  return message(`validation.${codeOf(issue)}`, {
    expected: String(issue.expected ?? ''),
    minimum: String(issue.minimum ?? ''),
    maximum: String(issue.maximum ?? ''),
    divisor: String(issue.divisor ?? ''),
    values: (issue.values ?? []).map((v) => String(v)),
  });
}

/** A request field's error in the language asked for: the issue's catalogue message, rendered. */
export function validationMessage(issue: ValidationIssue, language: 'zh' | 'en'): string {
  return renderMessage(issueMessage(issue), language);
}
