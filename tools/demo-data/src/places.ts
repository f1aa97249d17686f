import { pick, type Random } from './random';

/*
 * 青阳街道 (晋江市) as the demo draws it: its communities with their grids, roads, estates and the
 * employers and projects that petitions name. Plausible, not a survey: names are made up or generic.
 */

export interface CommunityPlace {
  readonly communityId: string;
  /** Without the 社区 suffix: 青华. */
  readonly short: string;
  /** 青华社区 */
  readonly name: string;
  /** Relative size (residents); more residents, more disputes. */
  readonly weight: number;
  readonly roads: readonly string[];
  readonly estates: readonly string[];
}

/** The eight communities of scale 1, then more for larger scales. */
const BASE: readonly (readonly [string, string, number, readonly string[], readonly string[]])[] = [
  ['qinghua', '青华', 1.3, ['青华路', '泉安中路', '崇德路'], ['青华小区', '世纪华庭', '青华商住楼']],
  ['yangguang', '阳光', 1.2, ['阳光路', '世纪大道', '迎宾路'], ['阳光花园', '阳光城市广场', '迎宾公寓']],
  ['hongshan', '洪山', 1.0, ['洪山路', '桂华路', '罗山路'], ['洪山新村', '桂华苑', '洪山文化广场商住楼']],
  ['lianyu', '莲屿', 0.9, ['莲屿路', '和平路', '晋阳路'], ['莲屿嘉园', '和平公寓', '莲屿安置小区']],
  ['qingmei', '青梅', 0.8, ['青梅路', '梅岭路', '泉安中路'], ['青梅花园', '梅岭雅居', '青梅安置房']],
  ['xiangshan', '象山', 0.7, ['象山路', '晋源路', '世纪大道'], ['象山御景', '象山新村', '晋源华庭']],
  ['huguang', '湖光', 1.1, ['湖光路', '长兴路', '晋阳路'], ['湖光城市花园', '长兴苑', '湖光安置区']],
  ['zhushuxia', '竹树下', 0.6, ['竹树下路', '崇德路', '青阳街'], ['竹树下旧村', '崇德小区', '青阳老街店屋']],
];

/** Further names for larger scales (each repeated with 二、三… when they run out). */
const MORE: readonly (readonly [string, string])[] = [
  ['chidian', '池店'], ['longhu', '龙湖'], ['yinglin', '英林'], ['dongshi', '东石'], ['yonghe', '永和'],
  ['shenhu', '深沪'], ['zimao', '紫帽'], ['xibin', '西滨'], ['luoshan', '罗山'], ['meiling', '梅岭'],
  ['xintang', '新塘'], ['lingyuan', '灵源'], ['anhai', '安海'], ['jinjing', '金井'], ['neikeng', '内坑'],
  ['cizao', '磁灶'], ['chendai', '陈埭'], ['xiyuan', '西园'], ['wudian', '五店'], ['qingyuan', '清源'],
  ['baisha', '白沙'], ['houyang', '后洋'], ['zengjing', '曾井'], ['shidai', '时代'],
];

const NUMERALS = ['', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const GRID_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The `index`-th community (0-based): the eight of scale 1 first. */
export const communityPlace = (index: number): CommunityPlace => {
  const base = BASE[index];
  if (base !== undefined) {
    const [communityId, short, weight, roads, estates] = base;
    return { communityId, short, name: `${short}社区`, weight, roads, estates };
  }
  const extra = index - BASE.length;
  const [id, short] = MORE[extra % MORE.length] as readonly [string, string];
  const round = Math.floor(extra / MORE.length);
  const suffix = round === 0 ? '' : (NUMERALS[round] ?? String(round + 1));
  const idSuffix = round === 0 ? '' : String(round + 1);
  const weight = 0.6 + ((index * 37) % 9) / 10;
  return {
    communityId: `${id}${idSuffix}`,
    short: `${short}${suffix}`,
    name: `${short}${suffix}社区`,
    weight,
    roads: [`${short}路`, `${short}中路`, ['世纪大道', '泉安中路', '晋阳路', '长兴路'][index % 4] ?? '世纪大道'],
    estates: [`${short}花园`, `${short}新村`, `${short}安置小区`],
  };
};

export const GRIDS_PER_COMMUNITY = 5;

export const gridId = (community: CommunityPlace, grid: number): string => `${community.communityId}-g${grid + 1}`;
export const gridName = (community: CommunityPlace, grid: number): string =>
  `${community.name}第${GRID_NUMERALS[grid] ?? String(grid + 1)}网格`;

export const SUBDISTRICT_NAME = '青阳街道';
export const RECEPTION_ROOM = '青阳街道基层治理中心2楼接访室';
export const communityReceptionRoom = (community: CommunityPlace): string => `${community.name}信访接待室`;

/** A street address in the community: 晋江市青阳街道青华路128号 / 阳光花园5栋1203室. */
export const addressIn = (random: Random, community: CommunityPlace): string => {
  if (random() < 0.55) {
    const estate = pick(random, community.estates);
    return `晋江市青阳街道${community.name}${estate}${1 + Math.floor(random() * 18)}栋${1 + Math.floor(random() * 28)}0${1 + Math.floor(random() * 4)}室`;
  }
  return `晋江市青阳街道${pick(random, community.roads)}${1 + Math.floor(random() * 360)}号`;
};

const FIRM_HEADS = ['鸿', '恒', '盛', '锦', '华', '泰', '鑫', '宏', '永', '嘉', '凯', '隆', '福', '兴', '源', '鹏'];
const FIRM_TAILS = ['达', '兴', '源', '昌', '丰', '利', '美', '诚', '邦', '顺', '信', '发'];
const FIRM_TRADES = ['鞋业', '鞋服', '服饰', '织造', '卫浴', '食品', '包装', '伞业', '五金', '陶瓷', '纸业', '体育用品'];

/** A made-up employer: 晋江市鸿达鞋业有限公司. */
export const firmName = (random: Random): string =>
  `晋江市${pick(random, FIRM_HEADS)}${pick(random, FIRM_TAILS)}${pick(random, FIRM_TRADES)}有限公司`;

const PROJECT_KINDS = ['安置房项目', '商住楼项目', '道路提升改造工程', '旧城改造一期工程', '厂房扩建工程', '学校综合楼工程'];

/** A made-up construction project near the community. */
export const projectName = (random: Random, community: CommunityPlace): string =>
  `${pick(random, [community.short, ...community.roads.map((r) => r.replace(/路$|大道$|街$/, ''))])}${pick(random, PROJECT_KINDS)}`;

const ESTATE_DEVELOPERS = ['晋江市某房地产开发有限公司', '某置业（晋江）有限公司', '某地产集团晋江项目公司'];
export const developerName = (random: Random): string => pick(random, ESTATE_DEVELOPERS);

const PROPERTY_FIRMS = ['某物业服务有限公司', '某物业管理有限公司晋江分公司'];
export const propertyFirmName = (random: Random): string => pick(random, PROPERTY_FIRMS);
