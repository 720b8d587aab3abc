/**
 * Field and conflict texts the services write (validation beyond the schemas, refusals of a state,
 * import files' row-by-row errors), in Chinese and English. Part of the server catalogue
 * (`serverMessages`), kept apart so each file stays readable; the same rules apply: `{name}` takes
 * a parameter, which may itself be a message.
 */
export const fieldMessages = {
  // Common to many endpoints.
  'field.noRegion': { zh: '没有行政区划 {code}', en: 'no region {code}' },
  'field.noFramework': { zh: '没有该测评体系', en: 'no such framework' },
  'field.badCursor': {
    zh: '不是本列表给出的游标，请不带游标重新开始',
    en: 'not a cursor this list gave; start without one',
  },
  'field.listedTwice': { zh: '{code} 重复列出', en: '{code} is listed twice' },
  'field.endsBeforeStart': { zh: '结束日期早于开始日期', en: 'ends before it starts' },
  'field.inFuture': { zh: '不能是将来的时间', en: 'cannot be in the future' },
  'field.notAfter': { zh: '不能晚于 {other}', en: 'must not be after {other}' },
  'field.orgNotInScope': { zh: '您的管辖范围内没有该单位', en: 'no such organisation in your scope' },
  'field.noOrganisation': { zh: '没有单位 {id}', en: 'unknown organisation {id}' },
  'field.fieldName': { zh: '字段名{problem}', en: 'field name {problem}' },
  'field.nulCharacter': { zh: '含有 NUL 字符（\\u0000），请删除', en: 'contains a NUL character (\\u0000); remove it' },
  'field.loneSurrogate': {
    zh: '含有不成对的 UTF-16 代理字符，请发送格式正确的 Unicode 文本',
    en: 'contains an unpaired UTF-16 surrogate; send well-formed Unicode text',
  },
  'field.tooDeep': { zh: '嵌套超过 {depth} 层', en: 'nested deeper than {depth} levels' },

  // Uploads.
  'upload.notMultipart': {
    zh: '请以 multipart/form-data 在字段“file”中上传{thing}',
    en: 'send {thing} as multipart/form-data in the field "file"',
  },
  'upload.noFileField': {
    zh: '请在 multipart 字段“file”中上传{thing}',
    en: 'send {thing} in the multipart field "file"',
  },
  'upload.thing.xlsx': { zh: ' .xlsx 文件', en: 'the .xlsx file' },
  'upload.thing.template': { zh: '填好的模板', en: 'the filled template' },
  'upload.thing.photo': { zh: '一张照片', en: 'one photo' },
  'upload.thing.file': { zh: '一个文件', en: 'one file' },
  'upload.allowedTypes': {
    zh: '只接受 pdf、png、jpg、jpeg、xlsx、xls、docx、csv 文件',
    en: 'allowed: pdf, png, jpg, jpeg, xlsx, xls, docx, csv',
  },
  'upload.contentMismatch': {
    zh: '文件内容与扩展名 .{extension} 不符',
    en: 'content does not match the .{extension} extension',
  },
  'upload.tooLarge': { zh: '文件超过 {maxBytes} 字节', en: 'larger than {maxBytes} bytes' },
  'upload.photoType': {
    zh: '请上传 JPEG 或 PNG 照片（.jpg、.jpeg、.png）',
    en: 'send a JPEG or PNG photo (.jpg, .jpeg, .png)',
  },
  'upload.photoDamaged': {
    zh: '文件已损坏，或不是完整的 JPEG/PNG 图片',
    en: 'the file is damaged or not a complete JPEG/PNG image',
  },
  'upload.notAPhotoFormat': {
    zh: '不接受 .{extension} 格式的照片',
    en: '.{extension} is not a photo format we accept',
  },
  'upload.photoUndecodable': { zh: '无法解码该照片', en: 'the photo cannot be decoded' },
  'upload.typeNotAccepted': { zh: '不接受 .{extension} 文件', en: '.{extension} files are not accepted' },
  'upload.notOfType': { zh: '文件内容不是 .{extension} 文件', en: 'the content is not a .{extension} file' },
  'upload.atMost': { zh: '文件最大为 {maxBytes} 字节', en: 'files may be at most {maxBytes} bytes' },
  'upload.photoKind': { zh: '照片类型应为处置前、处置后或核查', en: 'before, after or verification' },

  // Cases: intake, reporters, dispatch, settings, statistics.
  'case.noProvince': { zh: '尚未载入省级行政区划', en: 'no province is loaded' },
  'case.regionOutsideInstallation': { zh: '该行政区划不在本系统范围内', en: 'the region is outside this installation' },
  'case.pointOutsideProvince': {
    zh: '该位置不在本省范围内，请核对位置',
    en: 'the point lies outside the province; check the location',
  },
  'case.pointInOtherPrefecture': {
    zh: '该位置位于 {prefecture}，不在所选地区所属的 {chosen}，请更正地区或位置',
    en: "the point lies in prefecture {prefecture}, not in the chosen region's {chosen}; correct the region or the point",
  },
  'case.chooseRegionOrPoint': {
    zh: '请选择所在地区（街道或社区），或发送位置（经纬度）',
    en: 'choose the region (street or community), or send the location (lat, lng)',
  },
  'case.cannotPlacePoint': {
    zh: '本系统无法仅凭位置确定地区，请选择所在地区',
    en: 'this installation cannot place a point on its own: choose the region',
  },
  'case.idempotencyKeyReused': {
    zh: '该幂等键已用于另一份不同内容的上报',
    en: 'this idempotency key was used for a different report',
  },
  'case.idempotencyKeyReusedField': {
    zh: '已用于其他内容；新的上报请使用新的幂等键',
    en: 'already used with other content; send a new key for a new report',
  },
  'case.idempotencyKeyMissing': {
    zh: '请在 Idempotency-Key 请求头中发送一个新的 UUID（每次上报一个）',
    en: 'send an Idempotency-Key header (a fresh UUID per report)',
  },
  'case.idempotencyKeyMismatch': {
    zh: '与 Idempotency-Key 请求头不一致，请只发送其中一个',
    en: 'differs from the Idempotency-Key header; send one of them',
  },
  'case.latLngTogether': { zh: '经度和纬度须同时发送', en: 'send lat and lng together' },
  'case.giveLocation': { zh: '请提供位置：经纬度或地址', en: 'give the location: lat and lng, or an address' },
  'case.noUnattachedPhoto': {
    zh: '没有该未关联的照片，请先通过 {endpoint} 上传',
    en: 'no such unattached photo; upload it with {endpoint} first',
  },
  'case.photoUsedMeanwhile': { zh: '有照片同时已被另一案件使用', en: 'a photo was used elsewhere meanwhile' },
  'case.tokenNotThisCase': { zh: '该查询码不属于此案件', en: 'the tracking token does not belong to this case' },
  'case.useTrackingToken': {
    zh: '请使用上报时收到的查询码',
    en: 'use the tracking token you received when you reported',
  },
  'case.notYetRateable': { zh: '{status}的案件还不能评价', en: 'a {status} case cannot be rated yet' },
  'case.rateWhenClosed': { zh: '案件办结后才能评价', en: 'rate once the case is closed' },
  'case.alreadyRated': { zh: '您已评价过该案件', en: 'you have rated this case already' },
  'case.oneRating': { zh: '每次办结每位上报人只能评价一次', en: 'one rating per reporter and closing' },
  'case.noMoreInformation': { zh: '{status}的案件不再接受补充信息', en: 'a {status} case takes no more information' },
  'case.noLongerOpen': { zh: '案件已不再处于办理中', en: 'the case is no longer open' },
  'case.ruleExists': {
    zh: '该地区和问题类型已有派遣规则，请先删除',
    en: 'a rule for this region and category exists; delete it first',
  },
  'case.ruleExistsField': { zh: '该地区已有此问题类型的规则', en: 'already has a rule in this region' },
  'case.categoryIsGroup': {
    zh: '{code} 是问题大类，请在其下的小类上设置',
    en: '{code} is a group; set these on its categories',
  },
  'case.categoryNotLeaf': {
    zh: '{code} 是问题大类或已停用，请选择其下的问题小类',
    en: '{code} is a group or no longer in use; choose a category under it',
  },
  'case.unknownCategory': {
    zh: '没有问题类型 {code}，可选的类型见 GET /api/v1/public/case-categories',
    en: 'unknown category {code}; see GET /api/v1/public/case-categories',
  },

  // Accounts.
  'user.orgOutsideAccountRegion': {
    zh: '该单位不在账号所在地区范围内',
    en: "the organisation lies outside the account's region",
  },
  'user.orgInAccountRegion': {
    zh: '请选择该账号所在地区的单位',
    en: "choose an organisation in the account's region",
  },
  'auth.lockedUntil': { zh: '此地址登录已被锁定，至 {until}（UTC）解除', en: 'locked from this address until {until}' },
  'auth.unknownToken': { zh: 'API 令牌不存在或已吊销', en: 'the API token is unknown or revoked' },
  'auth.sendCsrf': {
    zh: '请在请求头 x-csrf-token 中发送登录时获得的 csrfToken',
    en: 'send the csrfToken from sign-in in the x-csrf-token header',
  },
  'user.weakPassword': {
    zh: '密码太容易被猜中：请用更长的密码，避免常见词、姓名、键盘连续字符和日期',
    en: 'too easy to guess: use a longer password without common words, names, keyboard runs or dates',
  },
  'user.wrongCurrentPassword': { zh: '当前密码不正确', en: 'is not the current password' },

  // Evaluation: rounds, assignments, scoring, publications, titles, incidents, frameworks.
  'round.regionOutsideOwner': { zh: '{region} 不在 {owner} 范围内', en: '{region} is outside {owner}' },
  'round.groupNotCovered': {
    zh: '测评体系 {edition} 适用于 {groups}，不适用于 {group}',
    en: 'framework {edition} covers {groups}, not {group}',
  },
  'round.noActiveAccount': { zh: '没有该有效账号', en: 'no such active account' },
  'round.roleCannotScore': { zh: '{role}不能评分', en: 'a {role} cannot score' },
  'round.regionNotInRound': { zh: '{code} 不在本轮测评中', en: '{code} is not in this round' },
  'round.scorerConflict': {
    zh: '{user} 属于或管辖 {region}（{code}），不得为其评分',
    en: '{user} belongs to or oversees {region} ({code}) and may not score it',
  },
  'round.scorerConflicts': { zh: '回避：{list}', en: 'conflicts of interest: {list}' },
  'cityGroup.capital': { zh: '省会和副省级城市', en: 'capital' },
  'cityGroup.prefecture': { zh: '地级城市', en: 'prefecture' },
  'cityGroup.county': { zh: '县级市和县', en: 'county' },
  'cityGroup.district': { zh: '市辖区', en: 'district' },
  'round.inScorersScope': {
    zh: '地区 {code} 在评分人自己的管辖范围内，须回避',
    en: "region {code} is in the scorer's own scope",
  },
  'round.methodTwice': { zh: '该评分人已分配此测评方式', en: 'this scorer already has this method' },
  'round.giveDecisionDate': {
    zh: '请填写发布本年终测评结果的通报日期',
    en: 'give the date of the decision (通报) that publishes this year-end round',
  },
  'round.decisionBeforeTest': {
    zh: '通报日期不能早于测评日期 {date}',
    en: 'a decision cannot precede the test on {date}',
  },
  'round.unscored': {
    zh: '{region} {code}（{points}分）尚未评分，也未标注不适用',
    en: '{region} {code} ({points} points) is neither scored nor marked not applicable',
  },
  'round.notFullyScored': {
    zh: '有 {count} 项测评标准既未评分，也未标注不适用',
    en: '{count} standard(s) are neither scored nor marked not applicable',
  },
  'scoring.noStandard': { zh: '本测评体系版本没有测评标准 {code}', en: 'no standard {code} in this framework version' },
  'scoring.enterResult': {
    zh: '{code} 按{rule}计分，请录入其结果',
    en: '{code} is scored by {rule}; enter its result instead',
  },
  'scoring.findingTooCostly': {
    zh: '{code} 满分 {points} 分，一个问题扣分不能超过满分',
    en: '{code} is worth {points} points; a finding cannot cost more',
  },
  'scoring.noSiteType': { zh: '本测评体系没有点位类型 {siteType}', en: 'no site type {siteType} in this framework' },
  'scoring.evidenceElsewhere': {
    zh: '不是该地区针对此测评标准的材料',
    en: 'not material of this region for this standard',
  },
  // What entering a result takes, by the standard's scoring rule.
  'scoring.needChecked': {
    zh: '按达标比例计分的测评标准须填写检查数',
    en: 'a proportion standard takes the number of checks',
  },
  'scoring.needPassed': {
    zh: '按达标比例计分的测评标准须填写合格数',
    en: 'a proportion standard takes the number of checks passed',
  },
  'scoring.passedOverChecked': { zh: '合格数不能超过检查数', en: 'cannot exceed the checks made' },
  'scoring.needSatisfaction': {
    zh: '满意度调查类测评标准须填写 0-100 的满意度得分',
    en: 'a survey standard takes a satisfaction score 0-100',
  },
  'scoring.needValue': {
    zh: '按目标值计分的测评标准须填写指标值',
    en: 'a threshold standard takes the indicator value',
  },
  'scoring.needReviewed': {
    zh: '扣分类测评标准应录入发现的问题；没有问题时发送 reviewed: true 标记为合格',
    en: 'a deduction standard takes findings; send reviewed: true to mark it passed',
  },
  'title.endOnlySuspension': { zh: '只有暂停和取消资格才有截止日期', en: 'only suspensions and bars have an end date' },
  'title.endsBeforeEffect': { zh: '截止日期早于生效日期', en: 'ends before it takes effect' },
  'title.notEligible': {
    zh: '{region} 在 {date} 不具备申报“{title}”的资格',
    en: '{region} is not eligible for {title} on {date}',
  },
  'titleKind.provincial_nominated': { zh: '省级文明城市提名城市', en: 'provincial nominee city' },
  'titleKind.provincial_civilized': { zh: '省级文明城市', en: 'provincial civilized city' },
  'titleKind.national_nominated': { zh: '全国文明城市提名城市', en: 'national nominee city' },
  'titleKind.national_civilized': { zh: '全国文明城市', en: 'national civilized city' },
  'titleStatus.held': { zh: '持有', en: 'held' },
  'titleStatus.suspended': { zh: '暂停', en: 'suspended' },
  'titleStatus.revoked': { zh: '已撤销', en: 'revoked' },
  'titleStatus.expired': { zh: '已终止', en: 'expired' },
  'titleStatus.none': { zh: '无', en: 'none' },
  // Title eligibility, one explanation per check (core/titles.ts checkEligibility).
  'eligibility.alreadyHeld': { zh: '自{since}起已获“{title}”。', en: 'Holds "{title}" since {since}.' },
  'eligibility.alreadyHeldSuspended': {
    zh: '自{since}起已获“{title}”（暂停中）。',
    en: 'Holds "{title}" since {since} (suspended).',
  },
  'eligibility.notHeld': { zh: '尚未获得“{title}”。', en: 'Does not hold "{title}" yet.' },
  'eligibility.notBarred': { zh: '没有生效中的取消申报资格处理。', en: 'No bar on applying is in force.' },
  'eligibility.barred': { zh: '{until}前不得申报：{reason}', en: 'May not apply before {until}: {reason}' },
  'eligibility.holdsPrerequisite': { zh: '自{since}起为“{title}”。', en: 'Is a "{title}" since {since}.' },
  'eligibility.lacksPrerequisite': {
    zh: '须先获得“{title}”（且未被暂停）；当前状态：{status}。',
    en: 'Must first hold "{title}" (not suspended); now: {status}.',
  },
  'eligibility.cycleCompleted': {
    zh: '{since}起为“{title}”，早于{years}年测评周期的起点{start}。',
    en: 'A "{title}" since {since}, before the start of the {years}-year cycle on {start}.',
  },
  'eligibility.cycleIncompleteSince': {
    zh: '须自测评周期起点{start}起即为“{title}”（完整的{years}年周期）；实际自{since}起。',
    en: 'Must be a "{title}" from the start of the cycle on {start} (a full {years}-year cycle); it is since {since}.',
  },
  'eligibility.cycleIncompleteNever': {
    zh: '须自测评周期起点{start}起即为“{title}”（完整的{years}年周期）；从未获得。',
    en: 'Must be a "{title}" from the start of the cycle on {start} (a full {years}-year cycle); it never was.',
  },
  'eligibility.cycleUnknown': {
    zh: '本平台没有该周期的测评成绩，须以正式测评结果为依据。',
    en: 'This platform has no scores for the cycle; rely on the official evaluation results.',
  },
  'eligibility.cycleScored': {
    zh: '周期内每一年度测评均有已发布成绩。',
    en: 'Every annual test of the cycle has published scores.',
  },
  'eligibility.cycleUnscored': {
    zh: '周期内有年度测评没有已发布成绩。',
    en: 'An annual test of the cycle has no published scores.',
  },
  'eligibility.minorsUnknown': {
    zh: '没有未成年人思想道德建设测评成绩，授予前须核实。',
    en: "There is no score for minors' moral development work; check it before awarding.",
  },
  'eligibility.minorsPassed': {
    zh: '未成年人思想道德建设测评达到门槛分。',
    en: "The minors' moral development evaluation reached the threshold.",
  },
  'eligibility.minorsFailed': {
    zh: '未成年人思想道德建设测评低于门槛分，不得授予。',
    en: "The minors' moral development evaluation is below the threshold; the title may not be awarded.",
  },
  'incident.notOnNegativeList': {
    zh: '不在本测评体系的负面清单上，请使用 {codes} 之一',
    en: "not on this framework's negative list; use one of {codes}",
  },
  'framework.editionExists': {
    zh: '版本 {edition} 已存在；请修订它，或以新的版本代码复制',
    en: 'edition {edition} exists; revise it or copy it under a new edition code',
  },
  'framework.editionExistsShort': { zh: '版本 {edition} 已存在', en: 'edition {edition} exists' },
  'framework.editionTaken': { zh: '已被另一测评体系使用', en: 'already used by another framework' },
  'framework.editionStays': {
    zh: '版本仍为 {edition}；如需新版本，请复制该测评体系',
    en: 'stays {edition}; copy the framework to start a new edition',
  },
  'framework.nameEdition': {
    zh: '请指定 Excel 文件要替换其测评标准的版本',
    en: 'name the edition whose standards the Excel file replaces',
  },
  'framework.notXlsx': { zh: '请上传另存为 .xlsx 的测评体系模板', en: 'upload the framework template saved as .xlsx' },
  'framework.notXlsxDetail': {
    zh: '该文件不是 Excel 工作簿（.xlsx）',
    en: 'the file is not an Excel workbook (.xlsx)',
  },
  'framework.noSheet': { zh: '工作簿中没有名为 {sheet} 的工作表', en: 'the workbook has no sheet named {sheet}' },
  'framework.putOnSheet': {
    zh: '请把测评标准放在名为 {sheet} 的工作表上（可下载模板）',
    en: 'put the standards on a sheet named {sheet} (download the template)',
  },
  'framework.columnMissing': { zh: '表头行缺少此列', en: 'this column is missing from the header row' },
  'framework.noStandards': { zh: '表头行下面没有测评标准', en: 'the sheet has no standards below the header row' },
  'framework.noMinors': {
    zh: '该测评体系没有未成年人部分设置，请把每一行标为“基本”',
    en: 'this framework has no minors settings; mark every row 基本',
  },
  'framework.invalidStandards': {
    zh: '这些测评标准不能构成有效的测评体系',
    en: 'the standards do not form a valid framework',
  },

  'xlsx.required': { zh: '必填', en: 'required' },
  'xlsx.number': { zh: '应为数字；实际为“{value}”', en: 'must be a number; got "{value}"' },
  'xlsx.numberAtLeast': {
    zh: '应为不小于 {min} 的数字；实际为“{value}”',
    en: 'must be a number ≥ {min}; got "{value}"',
  },
  'xlsx.useOneOf': { zh: '请填写 {options} 之一；实际为“{value}”', en: 'use one of {options}; got "{value}"' },
  'xlsx.methodNotGrouped': {
    zh: '{method}不属于本测评体系的任何测评方式分组',
    en: '{method} is in no method group of this framework',
  },
  'xlsx.findingTooCostly': {
    zh: '一个问题扣分不能超过该标准的分值',
    en: 'a finding cannot cost more than the standard’s points',
  },
  'xlsx.unknownSiteType': {
    zh: '点位类型 {siteType} 不是本测评体系的点位类型',
    en: "site type {siteType} is not one of this framework's site types",
  },
  'xlsx.standardTwice': { zh: '测评标准 {code} 已在第 {row} 行', en: 'standard {code} is already on row {row}' },
  'xlsx.projectPartEarlier': {
    zh: '项目 {code} 在前面的行中属于“{part}”',
    en: 'project {code} is {part} on an earlier row',
  },

  // Import files (Excel, YAML): the summary and each row's error.
  'import.errorsNothingImported': {
    zh: '共 {count} 处错误，未导入任何内容：{shown}',
    en: '{count} error(s), nothing imported: {shown}',
  },
  'import.errorsCount': { zh: '共 {count} 处错误，未导入任何内容', en: '{count} error(s), nothing imported' },
  'import.andMore': { zh: '{shown}；另有 {more} 处', en: '{shown}; and {more} more' },
  'import.fieldError': { zh: '{field}：{text}', en: '{field}: {text}' },
  'import.atCell': { zh: '{cell}：{text}', en: '{cell}: {text}' },
  'import.notXlsx': {
    zh: '不是 Excel（.xlsx）文件，请填写模板后上传',
    en: 'not an Excel (.xlsx) file; fill in the template and upload it',
  },
  'import.noSheet': { zh: '工作簿中没有工作表', en: 'the workbook has no sheet' },
  'import.badPeriod': {
    zh: 'B2：“{period}”不是{periodType}期（例如 {example}）',
    en: "B2: '{period}' is not a {periodType} period (e.g. {example})",
  },
  'import.unknownElement': {
    zh: '{cell}：未知的数据项代码“{code}”，请重新下载模板',
    en: "{cell}: unknown element code '{code}'; download a new template",
  },
  'import.noElementCodes': {
    zh: '第 3 行没有数据项代码，请重新下载模板',
    en: 'no element codes in row 3; download a new template',
  },
  'import.notANumber': { zh: '“{value}”不是数字', en: "'{value}' is not a number" },
  'import.isNotANumber': { zh: '不是数字', en: 'is not a number' },
  'import.emptyRegion': { zh: '{cell}：行政区划代码为空', en: '{cell}: the region code is empty' },
  'import.regionTwice': {
    zh: '{cell}：行政区划 {code} 已在第 {row} 行',
    en: '{cell}: region {code} is already on row {row}',
  },
  'import.regionOutsideScope': {
    zh: '{cell}：{region} 不在您的管辖范围内',
    en: '{cell}: {region} is outside your scope',
  },
  'import.entryLocked': {
    zh: '{cell}：{region} {period} 的填报处于“{status}”状态，已锁定；须先退回才能修改',
    en: "{cell}: {region}'s {period} entry is {status} and locked; it must be returned before it can be changed",
  },
  'import.noValues': { zh: '没有可导入的数值', en: 'no values to import' },

  // Indicators: data entry and observations.
  'indicator.wrongLevel': {
    zh: '{set} 由 {setLevel} 级地区填报；{region} 是 {level} 级',
    en: '{set} is reported by level-{setLevel} regions; {region} is level {level}',
  },
  'indicator.wrongPeriodType': { zh: '{set} 按{periodType}填报', en: '{set} is reported per {periodType}' },
  'indicator.notSuchPeriod': {
    zh: '{set} 按{periodType}填报；{period} 不是这样的期别',
    en: '{set} is reported per {periodType}; {period} is not one',
  },
  'indicator.periodNotStarted': { zh: '{period} 尚未开始', en: '{period} has not started yet' },
  'indicator.noElement': { zh: '{set} 没有数据项“{code}”', en: "{set} has no element '{code}'" },
  'indicator.elementProblem': { zh: '{element}：{problem}', en: '{element}: {problem}' },
  'indicator.numeratorExceeds': {
    zh: '{numerator}（{num}）不得超过{denominator}（{den}）',
    en: '{numerator} ({num}) must not exceed {denominator} ({den})',
  },
  'indicator.valueBeforeComment': { zh: '请先填写数值再添加说明', en: 'enter a value before commenting on it' },
  'indicator.required': {
    zh: '{element}为必填项，请填写后再提交',
    en: '{element} is required; enter a value before submitting',
  },
  'indicator.requiredMissing': {
    zh: '缺少 {count} 项必填数值：{names}',
    en: '{count} required value(s) missing: {names}',
  },
  'indicator.noDataElement': { zh: '没有数据项“{code}”', en: "no data element '{code}'" },
  'indicator.setWrongLevel': {
    zh: '数据集 {set} 由 {setLevel} 级地区填报；{region} 是 {level} 级',
    en: 'data set {set} is reported by level-{setLevel} regions; {region} is level {level}',
  },
  'indicator.usePeriodOf': {
    zh: '请使用数据集 {set} 的{periodType}期别',
    en: 'use a {periodType} period of data set {set}',
  },
  'indicator.mustBeNumber': { zh: '必须是数字', en: 'must be a number' },
  'indicator.mustBeWhole': { zh: '{element}必须是整数', en: '{element} must be a whole number' },
  'indicator.atLeast': { zh: '不能小于 {min}', en: 'must be at least {min}' },
  'indicator.atMost': { zh: '不能大于 {max}', en: 'must be at most {max}' },
  'indicator.targetOrIndicator': { zh: '请只给出目标或指标之一', en: 'give either target or indicator' },
  'periodType.year': { zh: '年', en: 'year' },
  'periodType.quarter': { zh: '季度', en: 'quarter' },
  'periodType.month': { zh: '月', en: 'month' },

  // Supervision: leader instructions, reports.
  'instruction.otherOrganisation': {
    zh: '该批示由其他单位办理',
    en: 'this instruction is handled by another organisation',
  },
  'instruction.closed': {
    zh: '该批示已办结，不能再添加内容',
    en: 'the instruction is closed; nothing more is attached',
  },
  'instruction.closedNothingToChase': {
    zh: '该批示已办结，无需催办',
    en: 'the instruction is closed; nothing to chase',
  },
  'instruction.wrongState': {
    zh: '该批示处于“{status}”状态；“{action}”须在{from}状态下进行',
    en: 'the instruction is {status}; {action} needs it to be {from}',
  },
  'instructionStatus.pending_sign': { zh: '待签收', en: 'pending_sign' },
  'instructionStatus.in_progress': { zh: '办理中', en: 'in_progress' },
  'instructionStatus.reported': { zh: '已报送', en: 'reported' },
  'instructionStatus.closed': { zh: '已办结', en: 'closed' },
  'instructionAction.sign': { zh: '签收', en: 'sign' },
  'instructionAction.report': { zh: '报送办理情况', en: 'report' },
  'instructionAction.accept': { zh: '办结', en: 'accept' },
  'instructionAction.return': { zh: '退回', en: 'return' },
  'instruction.unitReadsOwn': {
    zh: '单位只能查看由本单位办理的批示',
    en: 'a unit reads only the instructions it handles',
  },
  'instruction.noTask': { zh: '没有任务 {id}', en: 'unknown task {id}' },
  'instruction.leadNotAssisting': {
    zh: '主办单位不能同时是协办单位',
    en: 'the lead unit is not also an assisting unit',
  },
  'instruction.dateInFuture': { zh: '批示日期不能是将来的日期', en: 'the instruction date is in the future' },
  'instruction.replyBeforeInstruction': {
    zh: '报送日期早于批示日期',
    en: 'the reply date is before the instruction date',
  },
  'instruction.noOffice': {
    zh: '您的账号不属于任何单位，无法签发',
    en: 'your account belongs to no organisation to issue from',
  },
  'instruction.leadOnly': {
    zh: '只有主办单位签收并报送该批示的办理情况',
    en: 'only the lead unit (主办单位) signs for and reports on this instruction',
  },
  'reply.dateOrDays': {
    zh: '请填写报送日期或工作日数，不能同时填写',
    en: 'give a reply date or working days, not both',
  },
  'reply.giveOne': { zh: '请填写报送日期或工作日数', en: 'give a reply date or a number of working days' },
  'report.notSuchPeriod': {
    zh: '该规划按{cadence}报送；{period} 不是这样的期别',
    en: 'the plan is reported {cadence}; {period} is not such a period',
  },
  'report.periodOutsidePlan': {
    zh: '{period} 不在规划期内（{start}至{end}）',
    en: '{period} lies outside the plan ({start}..{end})',
  },
  'report.notMilestones': { zh: '不是该任务的节点：{codes}', en: 'not milestones of this task: {codes}' },
  'report.onlyDraftsChange': {
    zh: '进展报送 {id} 处于“{status}”状态，只有草稿可以修改',
    en: 'report {id} is {status}; only drafts change',
  },
  'report.liveExists': {
    zh: '{period} 已有{status}的进展报送（{id}），请修改或更正它',
    en: 'a {status} report for {period} exists ({id}); change or correct it',
  },
  'report.exists': { zh: '{period} 已有进展报送', en: 'a report for {period} exists' },
  'report.alreadyReported': { zh: '已报送', en: 'already reported' },
  'report.onlySubmittedCorrected': {
    zh: '进展报送 {id} 处于“{status}”状态，只有已提交的报送可以更正',
    en: 'report {id} is {status}; only a submitted report is corrected',
  },
  'report.evidenceOnDrafts': {
    zh: '进展报送 {id} 处于“{status}”状态，材料只能附在草稿上',
    en: 'report {id} is {status}; evidence goes on drafts',
  },
  'report.officeDocument': {
    zh: '督查通报是机关文件，单位请查看台账',
    en: 'the 督查通报 is an office document; units read the ledger',
  },
  'report.regionOutside': { zh: '该地区不在您的管辖范围内', en: 'this region is outside your scope' },
  'reportStatus.draft': { zh: '草稿', en: 'draft' },
  'reportStatus.submitted': { zh: '已提交', en: 'submitted' },
  'reportStatus.superseded': { zh: '已更正', en: 'superseded' },
  'cadence.monthly': { zh: '月', en: 'monthly' },
  'cadence.quarterly': { zh: '季度', en: 'quarterly' },
  'cadence.half_yearly': { zh: '半年', en: 'half-yearly' },
  'cadence.yearly': { zh: '年度', en: 'yearly' },
  'scoringRule.deduction': { zh: '扣分', en: 'deduction' },
  'scoringRule.proportion': { zh: '达标比例', en: 'proportion' },
  'scoringRule.threshold': { zh: '目标值', en: 'threshold' },
  'scoringRule.survey': { zh: '满意度调查', en: 'survey' },
} as const satisfies Record<string, { zh: string; en: string }>;
