// segments.mjs: turn the number-segment data of the npm package
// query-mobile-phone-area (MIT) into SQL that upserts `cities` and `segments`.
// Run by scripts/segments-load, which pipes the output into the mariadb client.
//
//   node scripts/segments.mjs [path/to/mobilephones.data] > load.sql
//
// Data format (see the package's lib/query.js): gzip text, blocks separated by
// "----------\n". Block "type": "<id>,<carrier>"; block "area":
// "<id>,<province> <city>"; block "number-<3 digits>": line i (0..9999) is
// "<area id>,<type id>" for the 7-digit segment <3 digits><i as 4 digits>,
// or empty when the segment is unassigned.
//
// Only China Mobile (中国移动) segments of the 31 mainland provinces are kept.
//
// BRAND RULE (our own; the data has no brand): by the first three digits,
// after the segments China Mobile historically gave each brand:
//   138 139 188                          -> gotone  (全球通)
//   147 150 157 158 159 178 187          -> mzone   (动感地带)
//   134 135 136 137 151 152 182 183 184,
//   and any other China Mobile prefix    -> easyown (神州行)
// Deterministic, so re-running the loader changes nothing.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataFile = process.argv[2] ||
  path.join(here, '..', 'node_modules', 'query-mobile-phone-area', 'data', 'mobilephones.data');

const CARRIER = '中国移动';

const BRAND_BY_PREFIX = {
  138: 'gotone', 139: 'gotone', 188: 'gotone',
  147: 'mzone', 150: 'mzone', 157: 'mzone', 158: 'mzone', 159: 'mzone',
  178: 'mzone', 187: 'mzone',
};
const brandOf = (prefix) => BRAND_BY_PREFIX[prefix.slice(0, 3)] || 'easyown';

// GB/T 2260 codes, keyed by the names used in provinces.name (schema/002).
const PROVINCES = {
  北京: 11, 天津: 12, 河北: 13, 山西: 14, 内蒙古: 15, 辽宁: 21, 吉林: 22,
  黑龙江: 23, 上海: 31, 江苏: 32, 浙江: 33, 安徽: 34, 福建: 35, 江西: 36,
  山东: 37, 河南: 41, 湖北: 42, 湖南: 43, 广东: 44, 广西: 45, 海南: 46,
  重庆: 50, 四川: 51, 贵州: 52, 云南: 53, 西藏: 54, 陕西: 61, 甘肃: 62,
  青海: 63, 宁夏: 64, 新疆: 65,
};
const MUNICIPALITIES = new Set([11, 12, 31, 50]);
// Not served by the mainland operator's sites: skipped, counted.
const OUTSIDE = new Set(['香港', '澳门', '台湾']);

// Full official names (and older spellings) -> provinces.name.
function provinceName(raw) {
  let n = raw.trim();
  if (n in PROVINCES) return n;
  const full = {
    内蒙古自治区: '内蒙古', 广西壮族自治区: '广西', 西藏自治区: '西藏',
    宁夏回族自治区: '宁夏', 新疆维吾尔自治区: '新疆',
  };
  if (n in full) return full[n];
  n = n.replace(/(省|市|特别行政区)$/u, '');
  return n;
}

// City names the data spells in more than one way, or by a former name,
// -> the name we keep (current prefecture-level name).
const CITY_ALIASES = {
  15: { 海拉尔: '呼伦贝尔', 临河: '巴彦淖尔', 集宁: '乌兰察布' },
  42: { '江汉（天门/仙桃/潜江）区': '江汉' },
  43: { 吉首: '湘西土家族苗族自治州' },
  52: { 都匀: '黔南布依族苗族自治州' },
};

// Pinned segments, applied after the data. 1380013 is the demo number
// 13800138000 (北京, 全球通), and the spec's example; the data maps it to
// 北京 already, the pin keeps it so whatever the data version.
const OVERRIDES = {
  1380013: { province: '北京', city: '北京', brand: 'gotone' },
};

function sqlStr(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
}

// ---------------------------------------------------------------- parse

const text = gunzipSync(readFileSync(dataFile)).toString('utf8');
const types = {};
const areas = {};
const numbers = {};
for (const block of text.split('----------\n')) {
  const lines = block.split('\n');
  const head = lines[0].trim();
  const body = lines.slice(1);
  if (head === 'type' || head === 'area') {
    const into = head === 'type' ? types : areas;
    for (const line of body) {
      const i = line.indexOf(',');
      if (i > 0) into[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  } else if (head.startsWith('number-')) {
    numbers[head.slice(7)] = body;
  } else if (head !== '') {
    throw new Error(`unknown block in ${dataFile}: ${head}`);
  }
}
const mobileTypes = new Set(Object.keys(types).filter((k) => types[k] === CARRIER));
if (mobileTypes.size === 0) throw new Error(`no carrier ${CARRIER} in the data`);

// ---------------------------------------------------------------- collect

const segs = new Map(); // prefix -> { pid, city, brand }
let skippedOutside = 0;
for (const p3 of Object.keys(numbers).sort()) {
  if (!/^1\d\d$/.test(p3)) throw new Error(`odd number block ${p3}`);
  const body = numbers[p3];
  for (let j = 0; j < body.length && j < 10000; j++) {
    const line = body[j].trim();
    if (!line) continue;
    const [areaId, typeId] = line.split(',');
    if (!mobileTypes.has(typeId)) continue;
    const area = areas[areaId];
    if (!area) throw new Error(`segment ${p3}${j} names unknown area ${areaId}`);
    const [rawProv, rawCity = ''] = area.split(/\s+/);
    const prov = provinceName(rawProv);
    if (OUTSIDE.has(prov)) { skippedOutside++; continue; }
    const pid = PROVINCES[prov];
    if (!pid) throw new Error(`segment ${p3}${j}: province ${rawProv} is not one of the 31`);
    const prefix = p3 + String(j).padStart(4, '0');
    segs.set(prefix, { pid, city: rawCity, brand: brandOf(prefix) });
  }
}
for (const [prefix, o] of Object.entries(OVERRIDES)) {
  segs.set(prefix, { pid: PROVINCES[o.province], city: o.city, brand: o.brand });
}

// City names: municipalities have one city, named like the province; a short
// name and its full form (凉山 / 凉山彝族自治州) become the full form.
const namesByProv = new Map();
for (const s of segs.values()) {
  if (MUNICIPALITIES.has(s.pid)) {
    s.city = Object.keys(PROVINCES).find((k) => PROVINCES[k] === s.pid);
  }
  s.city = (CITY_ALIASES[s.pid] || {})[s.city] || s.city;
  if (!s.city) throw new Error('segment without a city');
  if (!namesByProv.has(s.pid)) namesByProv.set(s.pid, new Set());
  namesByProv.get(s.pid).add(s.city);
}
const canon = new Map(); // "pid|name" -> name
for (const [pid, names] of namesByProv) {
  for (const a of names) {
    const full = [...names].filter((b) => b !== a && b.startsWith(a) &&
      /(自治州|地区|盟)$/u.test(b));
    canon.set(pid + '|' + a, full.length === 1 ? full[0] : a);
  }
}
for (const s of segs.values()) s.city = canon.get(s.pid + '|' + s.city);

const check = segs.get('1380013');
if (!check || check.pid !== 11 || check.city !== '北京' || check.brand !== 'gotone') {
  throw new Error('1380013 must be 北京 / gotone');
}

// ---------------------------------------------------------------- emit

const cityKeys = [...new Set([...segs.values()].map((s) => s.pid + '|' + s.city))]
  .sort((x, y) => {
    const [px, nx] = x.split('|'); const [py, ny] = y.split('|');
    return (px - py) || (nx < ny ? -1 : nx > ny ? 1 : 0);
  });

const out = [];
const w = (s) => out.push(s);
w('-- generated by scripts/segments.mjs from ' + path.basename(dataFile));
w('SET NAMES utf8mb4;');
w('CREATE TEMPORARY TABLE sc_city_stage (ord INT NOT NULL PRIMARY KEY, province_id SMALLINT NOT NULL, name VARCHAR(32) NOT NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;');
w('CREATE TEMPORARY TABLE sc_seg_stage (prefix CHAR(7) NOT NULL PRIMARY KEY, province_id SMALLINT NOT NULL, city VARCHAR(32) NOT NULL, brand_code VARCHAR(16) NOT NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;');
const BATCH = 2000;
for (let i = 0; i < cityKeys.length; i += BATCH) {
  w('INSERT INTO sc_city_stage VALUES ' + cityKeys.slice(i, i + BATCH).map((k, n) => {
    const [pid, name] = k.split('|');
    return `(${i + n + 1},${pid},${sqlStr(name)})`;
  }).join(',') + ';');
}
const prefixes = [...segs.keys()].sort();
for (let i = 0; i < prefixes.length; i += BATCH) {
  w('INSERT INTO sc_seg_stage VALUES ' + prefixes.slice(i, i + BATCH).map((p) => {
    const s = segs.get(p);
    return `('${p}',${s.pid},${sqlStr(s.city)},'${s.brand}')`;
  }).join(',') + ';');
}
w('START TRANSACTION;');
// New cities only (no auto-increment values burnt on re-runs), in a fixed order.
w(`INSERT INTO cities (province_id, name, is_capital)
  SELECT t.province_id, t.name, 0 FROM sc_city_stage t
  LEFT JOIN cities c ON c.province_id = t.province_id AND c.name = t.name
  WHERE c.id IS NULL ORDER BY t.ord;`);
w('SET @new_cities = ROW_COUNT();');
w(`SELECT COUNT(*) INTO @seg_new FROM sc_seg_stage s
  LEFT JOIN segments g ON g.prefix = s.prefix WHERE g.prefix IS NULL;`);
w(`SELECT COUNT(*) INTO @seg_changed FROM sc_seg_stage s
  JOIN cities c ON c.province_id = s.province_id AND c.name = s.city
  JOIN segments g ON g.prefix = s.prefix
  WHERE g.city_id <> c.id OR g.brand_code <> s.brand_code;`);
w(`INSERT INTO segments (prefix, city_id, brand_code)
  SELECT s.prefix, c.id, s.brand_code FROM sc_seg_stage s
  JOIN cities c ON c.province_id = s.province_id AND c.name = s.city
  ORDER BY s.prefix
  ON DUPLICATE KEY UPDATE city_id = VALUES(city_id), brand_code = VALUES(brand_code);`);
w('COMMIT;');
w(`SELECT CONCAT('segments: ', (SELECT COUNT(*) FROM sc_seg_stage), ' China Mobile segments in the data (${skippedOutside} outside the 31 provinces skipped); ',
  (SELECT COUNT(*) FROM segments), ' in table; ', @seg_new, ' new, ', @seg_changed, ' changed') AS '';`);
w(`SELECT CONCAT('cities: ', (SELECT COUNT(*) FROM sc_city_stage), ' home cities in the data; ',
  (SELECT COUNT(*) FROM cities), ' in table; ', @new_cities, ' new') AS '';`);
w(`SELECT CONCAT('by brand: ', GROUP_CONCAT(CONCAT(brand_code, '=', n) ORDER BY brand_code SEPARATOR ', ')) AS ''
  FROM (SELECT brand_code, COUNT(*) n FROM segments GROUP BY brand_code) b;`);
w(`SELECT CONCAT('check 1380013: ', p.name, ' ', c.name, ' ', g.brand_code) AS ''
  FROM segments g JOIN cities c ON c.id = g.city_id JOIN provinces p ON p.id = c.province_id
  WHERE g.prefix = '1380013';`);
process.stdout.write(out.join('\n') + '\n');
