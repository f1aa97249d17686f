import type { Category, ResolutionOutcome } from '@xinfang/domain';
import { developerName, firmName, projectName, propertyFirmName, type CommunityPlace } from './places';
import { int, pick, type Random } from './random';

/*
 * What a case is about, in the words a clerk would type: 基本情况, 诉求, the notes of its progress and
 * how it was resolved. A matter is drawn once per case from the case's own random stream and drawn again,
 * identically, whenever a later step needs its words, so nothing of it is kept in memory meanwhile.
 * Summaries name no petitioner (personal data lives only in the person files).
 */

export interface Matter {
  readonly summary: string;
  readonly demands: string;
  /** What the visit form says was asked, short. */
  readonly matter: string;
  /** Notes a handler records while working the case, in order. */
  readonly progress: readonly string[];
  /** What was done when it was solved (三到位: 解决问题到位). */
  readonly solved: string;
  /** The unit a case of this kind is handed to when it leaves the subdistrict (转交办). */
  readonly transferTo: string;
  /** The subdistrict office that handles it. */
  readonly office: string;
}

export interface MatterContext {
  readonly community: CommunityPlace;
  readonly collective: boolean;
  readonly peopleCount: number;
}

const MONTHS = ['3月', '4月', '5月', '6月', '7月', '8月'];
const yuan = (n: number): string => String(n);

const neighbour = (r: Random, c: MatterContext): Matter => {
  const estate = pick(r, c.community.estates);
  const road = pick(r, c.community.roads);
  const office = `${c.community.name}居委会`;
  const transferTo = '青阳司法所（街道人民调解委员会）';
  const amount = int(r, 3, 20) * 1000;
  const variants: (() => Omit<Matter, 'office' | 'transferTo'>)[] = [
    () => ({
      summary: `反映${estate}楼上住户装修期间经常在午间、夜间施工，电钻、切割噪音严重影响家中老人和小孩休息，多次上门沟通未果，双方发生口角。`,
      demands: '要求对方严格按物业规定时段施工，并赔礼道歉。',
      matter: '楼上装修噪音扰民',
      progress: ['网格员上门了解情况，分别做双方当事人思想工作。', '社区约请物业公司一同到场，向装修户宣讲装修管理规定。', '双方同意由社区组织面对面调解。'],
      solved: '经网格员、物业共同调解，装修户承诺午间及晚间停止施工并当面致歉，双方握手言和。',
    }),
    () => ({
      summary: `反映${estate}楼上住户卫生间防水层破损，致其家中天花板长期渗水、墙面发霉，对方以房屋老旧为由拒绝维修，双方矛盾激化。`,
      demands: `要求对方修复防水层并赔偿装修损失约${yuan(amount)}元。`,
      matter: '楼上渗水纠纷',
      progress: ['网格员会同物业上门查看渗水部位并拍照留存。', '委托专业机构进行闭水试验，确认渗水来源为楼上卫生间。', '社区人民调解委员会组织双方协商赔偿金额。'],
      solved: `经社区人民调解委员会调解，对方同意重做卫生间防水并一次性补偿损失${yuan(Math.round(amount * 0.6))}元，已签订调解协议。`,
    }),
    () => ({
      summary: `反映邻居翻建自建房时地基越过两家界址约${int(r, 2, 12)}平方米，并堵塞两家之间的排水沟，双方多次争执，一度推搡。`,
      demands: '要求对方拆除越界部分、恢复排水沟畅通。',
      matter: '翻建房屋越界、堵塞排水沟',
      progress: ['网格员到现场制止双方冲突，稳定双方情绪。', '协调自然资源所工作人员现场核对宅基地界址。', '社区约双方亲属共同参与调解。'],
      solved: '经现场测量界址，双方确认界线，对方同意退让越界部分并疏通排水沟，双方签订调解协议。',
    }),
    () => ({
      summary: `反映${estate}同楼层住户长期在楼道堆放纸箱、旧家具等杂物，存在消防隐患且影响通行，多次劝说无效。`,
      demands: '要求清理楼道杂物，消除消防隐患。',
      matter: '楼道堆放杂物',
      progress: ['网格员上门劝导，向当事人宣传消防安全常识。', '社区联合物业张贴限期清理通知。'],
      solved: '社区联合物业、消防网格员上门劝导，楼道杂物已全部清理，双方关系缓和。',
    }),
    () => ({
      summary: '反映邻居饲养大型犬只，遛狗不牵绳且夜间吠叫不止，其孩子曾被惊吓，双方为此多次争吵。',
      demands: '要求对方依规文明养犬，夜间管束犬只。',
      matter: '邻居养犬扰民',
      progress: ['网格员上门了解养犬登记及疫苗接种情况。', '社区组织双方沟通，宣讲文明养犬公约。'],
      solved: '经社区调解，养犬户承诺外出牵绳并加装隔音门，双方达成谅解。',
    }),
    () => ({
      summary: '反映邻居新装空调外机正对其卧室窗户，噪音及热风影响其休息，要求移位遭拒。',
      demands: '要求对方将空调外机移至不影响他人的位置。',
      matter: '空调外机噪音热风',
      progress: ['网格员现场查看空调外机安装位置。', '社区邀请安装公司提出移位方案。'],
      solved: '经网格员协调，对方同意将空调外机移至阳台外侧，移机费用双方各承担一半。',
    }),
    () => ({
      summary: `反映${road}旁邻居在楼顶违规搭建彩钢瓦棚，遮挡其家采光，雨天积水溢入其家中。`,
      demands: '要求拆除违规搭建，恢复原状。',
      matter: '楼顶违建遮挡采光',
      progress: ['网格员现场核实违建情况并拍照取证。', '社区联合街道综合执法中队上门告知相关规定。'],
      solved: '社区联合街道综合执法中队上门做工作，当事人已自行拆除违建部分，积水问题一并解决。',
    }),
    () => ({
      summary: `反映${estate}相邻住户长期占用公共车位并私装地锁，双方多次为停车发生冲突。`,
      demands: '要求拆除私装地锁，公共车位有序使用。',
      matter: '私装地锁占用公共车位',
      progress: ['网格员会同业委会、物业了解车位权属。', '物业发出限期拆除地锁通知。'],
      solved: '经业委会、物业和社区共同协调，私装地锁已拆除，小区公共车位实行登记轮停。',
    }),
  ];
  return { ...pick(r, variants)(), office, transferTo };
};

const wageArrears = (r: Random, c: MatterContext): Matter => {
  const firm = firmName(r);
  const project = projectName(r, c.community);
  const months = int(r, 1, 6);
  const from = pick(r, MONTHS);
  const office = '青阳街道劳动保障事务所';
  const transferTo = '晋江市人力资源和社会保障局劳动保障监察大队';
  if (c.collective) {
    const tenThousands = (c.peopleCount * int(r, 8, 40)) / 10;
    const total = `${tenThousands.toFixed(1)}万元`;
    const variants: (() => Omit<Matter, 'office' | 'transferTo'>)[] = [
      () => ({
        summary: `${c.peopleCount}名务工人员反映在${project}务工，劳务分包负责人以工程款未结算为由拖欠其工资共计约${total}，总承包单位与分包方互相推诿。`,
        demands: '要求总承包单位依法先行清偿拖欠的农民工工资。',
        matter: `${project}拖欠农民工工资`,
        progress: ['街道劳动保障事务所约谈总承包单位项目负责人，核对考勤及工资表。', '协调住建部门冻结项目农民工工资专户相关款项。', '工作专班逐一核实务工人员身份及欠薪金额。'],
        solved: `经街道协调住建、人社部门约谈总承包单位，已通过农民工工资专户足额发放${c.peopleCount}人工资${total}。`,
      }),
      () => ({
        summary: `反映${firm}因经营困难停产，负责人联系不上，拖欠${c.peopleCount}名员工${months}个月工资共计约${total}。`,
        demands: '要求尽快追回拖欠工资，依法追究企业负责人责任。',
        matter: `${firm}停产欠薪`,
        progress: ['街道会同劳动监察部门到企业现场查封账册、核对工资表。', '协调企业股东筹措资金，制定分期支付计划。', '引导员工依法申请劳动仲裁并提供法律援助。'],
        solved: `经多方协调，企业股东筹集资金分两期支付，${c.peopleCount}名员工工资已全部结清。`,
      }),
    ];
    return { ...pick(r, variants)(), office, transferTo };
  }
  const job = pick(r, ['针车工', '仓管员', '包装工', '保安', '厨师', '搬运工', '裁断工', '质检员']);
  const amount = months * int(r, 42, 75) * 100;
  return {
    summary: `反映其在${firm}从事${job}工作，公司自${from}起拖欠其工资${months}个月共计${yuan(amount)}元，多次讨要未果。`,
    demands: `要求公司尽快支付拖欠工资${yuan(amount)}元。`,
    matter: `${firm}拖欠工资`,
    progress: ['街道劳动保障事务所电话联系企业负责人核实欠薪情况。', '约谈企业负责人，督促其制定工资支付计划。', '企业承诺分期支付，已支付部分工资。'],
    solved: `经街道劳动保障事务所约谈企业负责人，企业已足额支付拖欠工资${yuan(amount)}元。`,
    office,
    transferTo,
  };
};

const realEstate = (r: Random, c: MatterContext): Matter => {
  const estate = pick(r, c.community.estates);
  const developer = developerName(r);
  const office = '青阳街道城建办';
  const transferTo = '晋江市住房和城乡建设局';
  const variants: (() => Omit<Matter, 'office' | 'transferTo'>)[] = [
    () => ({
      summary: `反映${c.collective ? `${c.peopleCount}户业主` : '其'}购买的${estate}二期商品房合同约定${pick(r, MONTHS)}交房，至今逾期${int(r, 2, 10)}个月仍未交付，${developer}未按约定支付逾期违约金。`,
      demands: '要求开发商明确交房时间，并按合同约定支付逾期交房违约金。',
      matter: `${estate}逾期交房`,
      progress: ['街道城建办约谈开发商，了解项目资金及施工进度。', '协调住建部门对项目预售资金监管账户进行核查。', '组织业主代表与开发商座谈，通报复工计划。'],
      solved: '经协调，开发商制定复工交房计划并公示，承诺按合同支付违约金，业主代表签字认可。',
    }),
    () => ({
      summary: `反映${estate}已交房${int(r, 2, 6)}年，因开发商欠缴相关税费，${c.collective ? `${c.peopleCount}户业主` : '业主'}至今无法办理不动产权证。`,
      demands: '要求协调相关部门尽快为业主办理不动产权证。',
      matter: `${estate}办证难`,
      progress: ['街道城建办梳理项目办证堵点，报市“办证难”专项工作组。', '协调自然资源、税务部门召开联席会议。'],
      solved: '经市、街道联动，采用“分割办证”方式，首批业主不动产权证已开始受理。',
    }),
    () => ({
      summary: `反映${estate}交房后外墙大面积渗水、地下室积水，开发商及${propertyFirmName(r)}互相推诿不予维修。`,
      demands: '要求开发商履行保修责任，及时维修。',
      matter: `${estate}房屋质量问题`,
      progress: ['街道城建办会同质监站到现场查勘。', '约谈开发商，要求其制定维修方案。'],
      solved: '开发商已委托施工单位完成外墙防水及地下室排水维修，经业主代表验收合格。',
    }),
    () => ({
      summary: `反映${estate}物业公司擅自上调物业服务费，小区电梯频繁故障、公共区域卫生差，业主与物业矛盾激化。`,
      demands: '要求物业公司公示收支、整改服务质量，否则依法更换物业。',
      matter: `${estate}物业服务纠纷`,
      progress: ['社区召集业委会、物业公司、业主代表三方座谈。', '街道城建办督促物业公司限期维修电梯。'],
      solved: '物业公司撤回调价方案并完成电梯维保，定期公示收支，业主代表表示认可。',
    }),
    () => ({
      summary: `反映${estate}老旧小区加装电梯，低层住户以采光、噪音为由反对，高层住户多次协商未果。`,
      demands: '要求社区协调推进加装电梯。',
      matter: `${estate}加装电梯协调`,
      progress: ['社区组织全体住户召开协调会，解读加装电梯补助政策。', '设计单位优化方案，减少对低层住户采光影响。'],
      solved: '经多轮协商，高层住户对低层住户给予一定补偿，全体住户签字同意加装电梯。',
    }),
  ];
  return { ...pick(r, variants)(), office, transferTo };
};

const landAndDemolition = (r: Random, c: MatterContext): Matter => {
  const area = `${c.community.short}${pick(r, ['片区', '旧村', '组团'])}`;
  const estate = pick(r, c.community.estates);
  const office = '青阳街道征迁安置办公室';
  const transferTo = '晋江市房屋征收服务中心';
  const variants: (() => Omit<Matter, 'office' | 'transferTo'>)[] = [
    () => ({
      summary: `反映其位于${area}的房屋在旧城改造征迁中，评估机构认定的合法建筑面积比实际少约${int(r, 20, 120)}平方米，补偿款相差较大。`,
      demands: '要求重新测量评估，按实际面积给予补偿。',
      matter: `${area}征迁面积认定异议`,
      progress: ['征迁办调取原始测绘资料及房屋产权档案。', '委托第三方测绘机构会同信访人重新测量。', '召开专案评审会，听取信访人意见。'],
      solved: '经第三方复测，对部分附属建筑面积予以认定，补偿协议已重新签订。',
    }),
    () => ({
      summary: `反映${c.collective ? `${area}${c.peopleCount}户征迁安置户` : `${area}征迁安置户`}的临时过渡费自${pick(r, MONTHS)}起未按时发放，安置房交付时间一再推迟。`,
      demands: '要求按时发放过渡费，明确安置房交付时间。',
      matter: `${area}过渡费未按时发放`,
      progress: ['街道征迁办核对过渡费发放名册。', '协调财政部门加快过渡费资金拨付。', '公开安置房建设进度，组织安置户代表现场查看。'],
      solved: '拖欠的过渡费已全部发放，街道公布安置房交付时间表并定期通报进度。',
    }),
    () => ({
      summary: `反映其家庭户籍人口${int(r, 4, 9)}人，在${estate}安置房选房中仅分得一套，认为安置面积认定有误。`,
      demands: '要求按政策重新核定安置面积。',
      matter: '安置面积认定异议',
      progress: ['征迁办调取户籍及原房屋资料逐项核对。', '组织政策解读，向信访人说明安置面积计算依据。'],
      solved: '经核对户籍及原房屋资料，按政策补增安置面积，信访人签字确认。',
    }),
    () => ({
      summary: `反映其家族祖厝在${projectName(r, c.community)}征迁中被拆除，宗亲对补偿分配意见不一，补偿款至今未领取。`,
      demands: '要求街道主持宗亲协商，确定补偿款分配方案。',
      matter: '祖厝征迁补偿分配',
      progress: ['街道邀请宗亲会长、老人会参与协调。', '引导各房宗亲推选代表协商分配方案。', '司法所就分配方案提供法律意见。'],
      solved: '在街道和宗亲会主持下，各房宗亲达成分配协议并经公证，补偿款已按协议领取。',
    }),
  ];
  return { ...pick(r, variants)(), office, transferTo };
};

const labour = (r: Random, _c: MatterContext): Matter => {
  const firm = firmName(r);
  const amount = int(r, 8, 60) * 1000;
  const office = '青阳街道劳动保障事务所';
  const transferTo = '晋江市人力资源和社会保障局';
  const variants: (() => Omit<Matter, 'office' | 'transferTo'>)[] = [
    () => ({
      summary: `反映${firm}自其入职${int(r, 2, 8)}年来未为其缴纳社会保险，现因病住院无法报销医疗费用。`,
      demands: '要求企业依法补缴社会保险。',
      matter: '企业未缴社会保险',
      progress: ['劳动保障事务所调取其社保参保记录。', '约谈企业人事负责人，责令限期补缴。'],
      solved: '企业已为其补缴社会保险，并报销部分医疗费用。',
    }),
    () => ({
      summary: `反映其在${firm}上班期间右手被机器压伤，已认定工伤，企业拒不支付一次性伤残补助金等工伤保险待遇。`,
      demands: `要求企业依法支付工伤保险待遇约${yuan(amount)}元。`,
      matter: '工伤待遇纠纷',
      progress: ['劳动保障事务所核实工伤认定及劳动能力鉴定结论。', '组织劳资双方协商，提供法律援助。'],
      solved: `经调解，企业一次性支付工伤保险待遇${yuan(Math.round(amount * 0.85))}元，双方签订调解协议。`,
    }),
    () => ({
      summary: `反映被${firm}以经营调整为由辞退，未支付经济补偿金，也未出具解除劳动合同证明。`,
      demands: `要求支付经济补偿金${yuan(amount)}元并出具离职证明。`,
      matter: '辞退未付经济补偿',
      progress: ['劳动保障事务所调取劳动合同及考勤记录。', '约谈企业负责人，告知解除劳动合同的法律规定。'],
      solved: '企业支付经济补偿金并出具解除劳动合同证明，劳资双方无争议。',
    }),
    () => ({
      summary: '反映其退休时养老金核定未计算早年在乡镇企业工作的年限，养老金待遇偏低。',
      demands: '要求重新核定视同缴费年限。',
      matter: '养老金待遇核定异议',
      progress: ['协助信访人查找原乡镇企业招工档案。', '将档案材料报市社保中心复核。'],
      solved: '经市社保中心复核，认定视同缴费年限，自次月起调整养老金待遇。',
    }),
    () => ({
      summary: '反映其申请灵活就业人员社会保险补贴被退回，认为自己符合申领条件。',
      demands: '要求重新审核补贴申请。',
      matter: '社保补贴申请被退回',
      progress: ['劳动保障事务所核对其就业登记及缴费记录。'],
      solved: '经核对补齐就业登记材料，补贴申请已重新受理并审核通过。',
    }),
  ];
  return { ...pick(r, variants)(), office, transferTo };
};

const other = (r: Random, c: MatterContext): Matter => {
  const road = pick(r, c.community.roads);
  const estate = pick(r, c.community.estates);
  const variants: (() => Matter)[] = [
    () => ({
      summary: `反映${road}夜间大型货车频繁通行，噪音和扬尘严重扰民。`,
      demands: '要求限制夜间大货车通行，加强洒水降尘。',
      matter: '夜间货车噪音扬尘',
      progress: ['街道综合执法中队夜间巡查，记录货车通行情况。', '函告交警部门研究限行措施。'],
      solved: '交警部门在该路段设置夜间限行标志，环卫部门增加洒水频次，扰民情况明显改善。',
      office: '青阳街道综合执法中队',
      transferTo: '晋江市公安局交通警察大队',
    }),
    () => ({
      summary: `反映${estate}底商餐饮店油烟直排，严重影响楼上住户开窗通风。`,
      demands: '要求督促餐饮店安装油烟净化设施。',
      matter: '餐饮油烟扰民',
      progress: ['执法中队现场检查，责令餐饮店限期整改。'],
      solved: '餐饮店已安装油烟净化设施并高空排放，经回访住户满意。',
      office: '青阳街道综合执法中队',
      transferTo: '泉州市晋江生态环境局',
    }),
    () => ({
      summary: '反映其家庭因病致贫，申请最低生活保障被驳回，对审核结果有异议。',
      demands: '要求重新审核低保申请。',
      matter: '低保申请异议',
      progress: ['社会事务办入户核查家庭收入及财产状况。', '按程序提交街道低保评议小组复议。'],
      solved: '经入户复核，其家庭符合低保条件，已纳入最低生活保障并发放临时救助金。',
      office: '青阳街道社会事务办',
      transferTo: '晋江市民政局',
    }),
    () => ({
      summary: `反映${road}路口流动摊贩占道经营，夜间噪音、垃圾扰民，影响通行。`,
      demands: '要求规范管理流动摊贩，恢复道路通行。',
      matter: '占道经营扰民',
      progress: ['执法中队加强早晚巡查，劝导摊贩入市经营。'],
      solved: '街道设置疏导点，流动摊贩已引导入点经营，路口秩序恢复正常。',
      office: '青阳街道综合执法中队',
      transferTo: '晋江市城市管理局',
    }),
    () => ({
      summary: `反映${estate}附近垃圾中转站异味严重，垃圾清运不及时，蚊蝇滋生。`,
      demands: '要求增加清运频次，做好除臭消杀。',
      matter: '垃圾中转站异味',
      progress: ['街道环卫站调整清运时间，增加冲洗消杀。'],
      solved: '中转站已加装除臭设备，清运改为日产日清，周边居民反映异味明显减轻。',
      office: '青阳街道环卫站',
      transferTo: '晋江市城市管理局',
    }),
    () => ({
      summary: `反映${road}部分路段路灯损坏多日未修复，雨天积水严重，居民夜间出行不便。`,
      demands: '要求尽快修复路灯、疏通排水管道。',
      matter: '路灯损坏、道路积水',
      progress: ['街道城建办联系市政维护单位现场查看。'],
      solved: '路灯已修复，排水管道完成清淤疏通。',
      office: '青阳街道城建办',
      transferTo: '晋江市市政园林局',
    }),
  ];
  return pick(r, variants)();
};

const byCategory: Record<Category, (r: Random, c: MatterContext) => Matter> = {
  neighbour,
  wageArrears,
  realEstate,
  landAndDemolition,
  labour,
  other,
};

/** The matter of a case of `category`, drawn from `random`. */
export const matterOf = (random: Random, category: Category, context: MatterContext): Matter =>
  byCategory[category](random, context);

/** What a resolution says, by its outcome (三到位一处理). */
export const resolutionSummary = (random: Random, matter: Matter, outcome: ResolutionOutcome): string => {
  switch (outcome) {
    case 'solved':
      return matter.solved;
    case 'educated':
      return pick(random, [
        '经反复做思想工作、释法明理，信访人对相关政策规定表示理解，不再坚持原诉求。',
        '向信访人详细解释相关法律政策，信访人表示认可处理意见。',
        '组织信访评理，评理员当面释法说理，信访人表示接受。',
      ]);
    case 'assisted':
      return pick(random, [
        `${matter.solved.replace(/。$/, '')}；另对其家庭困难给予临时救助${int(random, 2, 8)}000元。`,
        '对信访人家庭困难给予临时救助，并协助其申请医疗救助，信访人表示感谢。',
      ]);
    case 'lawEnforced':
      return pick(random, [
        '依法作出处理意见并书面答复信访人，相关责任方已按要求整改到位。',
        `${matter.solved.replace(/。$/, '')}；对违法行为依法予以查处。`,
      ]);
  }
};

/** Why a case was not accepted (不予受理), told to the petitioner. */
export const rejectionReason = (random: Random, category: Category): string =>
  category === 'wageArrears' || category === 'labour'
    ? pick(random, ['所反映事项属劳动人事争议仲裁受理范围，已引导其依法申请劳动仲裁。', '该事项已进入诉讼程序，依法不予受理，已告知信访人通过司法途径解决。'])
    : pick(random, [
        '该事项已进入诉讼程序，依法不予受理，已告知信访人通过司法途径解决。',
        '所反映事项已经处理完毕且无新的事实和理由，依法不予受理。',
        '诉求不属于信访事项受理范围，已告知其向有权处理的机关提出。',
      ]);
