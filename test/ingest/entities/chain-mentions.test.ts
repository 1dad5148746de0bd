import { describe, expect, it } from "vitest";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { nativeNameLength } from "../../../ingest/entities/find-person-mentions.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";

const entitiesOf = (text: string) => chainMentions(text, simplifyText(text));
const persons = (text: string) => entitiesOf(text).filter((e) => e.kind === "Person");

describe("chainMentions", () => {
  it.each([
    // seed 000 (Guancha): Latin name in brackets after a title
    [
      "latin-bracket",
      "目前，按照俄罗斯副外长谢尔盖·里亚布科夫（Sergei Ryabkov）的说法看",
      "谢尔盖·里亚布科夫",
      "Sergei Ryabkov",
    ],
    // seed 004 (VOA): a name that is not a transliteration, glossed in brackets
    [
      "latin-bracket, not transliterated",
      "负责政治事务的美国副国务卿卢岚(Victoria Nuland)星期二对记者表示",
      "卢岚",
      "Victoria Nuland",
    ],
    // seed 004 (VOA): title + name, no registry entry
    ["title", "俄罗斯副外长格鲁什科与副防长福明在举行北约-俄罗斯会谈前合影。", "福明", undefined],
    // seed 003 (Aljazeera): given·surname with a title
    ["dot-name", "另一方面，政治作家安德烈·翁蒂科夫认为，西方不会轻易而迅速地放弃。", "安德烈·翁蒂科夫", undefined],
    // aj/2024/11/07/AJ-唐纳德-特朗普赢得美国总统大选后的全球反应: a surname opening outside the transliteration table
    ["dot-name", "德国总理奥拉夫·朔尔茨承诺，德国将与特朗普共同努力。", "奥拉夫·朔尔茨", undefined],
    // aj/2024/11/27/AJ-国际刑事法院检察官申请对缅甸军事政权领导人发出逮捕令: a one-character surname before 在
    ["dot-name", "卡里姆·汗在声明中表示，他的办公室将继续调查。", "卡里姆·汗", undefined],
    // cna/2024/11/20/CNA-香港47人案-在台港人-示警台灣慎防內部破壞: 才 ends the given name before a speech verb
    ["title", "藝術家黃國才表示，這件作品是對政治的回應。", "黃國才", undefined],
    // seed 000 (Guancha): byline
    ["byline", "【文/观察者网 熊超然】继1月10日同美国方面举行会谈后", "熊超然", undefined],
  ])("finds a person by %s", (_signal, text, form, latin) => {
    const p = persons(text).find((e) => e.forms.includes(form));
    expect(p, `no person ${form}`).toBeDefined();
    if (latin) expect(p!.latin).toBe(latin);
  });

  it("joins surname-only mentions to the full name (seed 000: 兹比格涅夫·拉乌 … 拉乌表示)", () => {
    const ps = persons("由波兰外交部长兹比格涅夫·拉乌（Zbigniew Rau）主持。拉乌表示，战争风险似乎比过去30年都要大。");
    expect(ps).toHaveLength(1);
    expect(ps[0]!.forms).toEqual(expect.arrayContaining(["兹比格涅夫·拉乌", "Zbigniew Rau", "拉乌"]));
    expect(ps[0]!.mentions).toHaveLength(3);
  });

  it("joins a sound-alike spelling in the same article (seed 004: 泽连斯基 / 泽伦斯基)", () => {
    const ps = persons(
      "乌克兰总统泽连斯基(Volodymyr Zelenskiy)提议召开新的国际峰会。泽伦斯基星期二在与欧洲外交官会晤后发表声明说：“现在是时候了。”",
    );
    const z = ps.find((p) => p.forms.includes("泽连斯基"));
    expect(z?.forms).toContain("泽伦斯基");
  });

  it("reads traditional text through its simplified copy, keeping forms as written (CNA style)", () => {
    const ps = persons("華盛頓郵報今天報導，62歲的班森特（Scott Bessent）出任財長。");
    expect(ps.find((p) => p.latin === "Scott Bessent")?.forms).toContain("班森特");
  });

  it("does not take places or the White House for people (seed 000: 代表白宫方面)", () => {
    const es = entitiesOf("美国总统国家安全事务助理沙利文还在代表白宫方面，在瑞士日内瓦发言。");
    expect(es.filter((e) => e.kind === "Person").flatMap((e) => e.forms)).toEqual(["沙利文"]);
    expect(es.find((e) => e.forms.includes("白宫"))?.kind).toBe("Org");
  });

  it.each([
    // aj/2024/11/07/AJ-复仇-政府-特朗普再执政四年意味着什么: 高级助|理 is the start of a title, no name
    ["政治策略师、前共和党议员高级助理里娜·沙阿 (Rina Shah) 表示，", ["里娜·沙阿", "Rina Shah"]],
    // nyt/2024/11/07/NYT-中国再次举行环台军演-警告赖清德: 李熹 + 海军大校, not 李熹海
    ["中国人民解放军东部战区发言人李熹海军大校表示：", []],
    // rfa/2024/11/29/RFA-英國會通過議案反對北京扭曲台灣地位-台外交部-重要里程碑: 賴, a common Taiwanese surname
    ["龍華科技大學助理教授賴榮偉指出，今年在台開會。", ["賴榮偉"]],
    // cna/2024/11/21/CNA-中國2025經濟成長率目標-政府經濟顧問擬建議-保5: a name jieba knows whole (余永定/nr), although 永定 alone reads as an adverb
    ["主張將目標設在5%的政府經濟學家余永定表示，很有可能透過進一步擴大內需。", ["余永定"]],
    // nyt/2024/11/27/NYT-面对特朗普关税-中国会对美国发起货币战争吗: a weak title (负责人) whose clause ends in a speech verb
    ["中国人民银行国际司负责人刘晔在上周五的记者会上说，", ["刘晔"]],
  ])("does not cut a name out of the word after a title: %s", (text, names) => {
    expect(persons(text).flatMap((e) => e.forms)).toEqual(names);
  });

  it.each([
    // rfa/2024/11/06/RFA-編程隨想-阮曉寰和hkfp-入圍-無國界記者-新聞自由獎: a quoted name glossed with its acronym
    ["「無國界記者」（Reporters Without Borders, RSF）第32屆「新聞自由獎」將於下個月揭盅。", ["無國界記者", "RSF"]],
    // rfa/2024/11/27/RFA-事實查核-日本正式宣布新冠mrna疫苗-史上最致命: a short form the article will use, with a verb inside the name
    ["亞洲事實查核實驗室（以下簡稱AFCL）查證，影片中的消防車身上印有字樣。", ["亞洲事實查核實驗室", "AFCL"]],
  ])("finds an organisation glossed with an acronym: %s", (text, forms) => {
    const orgs = entitiesOf(text).filter((e) => e.kind === "Org");
    expect(orgs.flatMap((e) => e.forms)).toEqual(forms);
  });

  it("keeps a government body one word before 在 (nyt/2024/11/06/NYT-香港逐步淘汰不达标㓥房-穷人栖身何处: 房屋局在…表示)", () => {
    const orgs = entitiesOf("房屋局在通过电子邮件回复提问时表示，政府将采取循序渐进的方式。").filter(
      (e) => e.kind === "Org",
    );
    expect(orgs.flatMap((e) => e.forms)).toContain("房屋局");
  });

  it("finds a surname + 小姐 after a noun when a pseudonym note follows (rfa/2024/11/27/RFA-中國爆-衞生巾集體塌房-大陸遊客拖喼來港入貨)", () => {
    expect(
      persons("深圳旅客陳小姐（化名）說：「我已經沒有在那邊買了，就在這邊買。」").flatMap((e) => e.forms),
    ).toContain("陳小姐");
  });

  it.each([
    // cna/2024/11/09/CNA-特斯拉獲得中國首批-汽車隱私保護-標識: a verb and a city before a country + body are no part of the name
    ["馬斯克4月28日走訪中國，在北京會見中國國務院總理李強後，待遇大為改觀。", "中國國務院"],
    // aj/2024/11/27/AJ-俄罗斯轰炸基辅造成人员伤亡与乌克兰寻求韩国武器: a description before the name
    ["天然气巨头俄罗斯天然气工业股份公司表示，将停止供气。", "俄罗斯天然气工业股份公司"],
  ])("starts an organisation's name at its country: %s", (text, form) => {
    const orgs = entitiesOf(text).filter((e) => e.kind === "Org");
    expect(orgs.flatMap((e) => e.forms)).toContain(form);
  });

  it.each([
    // kyodo/2024/11/01/KYODO-立民与国民两党干事长商定共促政治改革: 国民 abbreviates 国民民主党, not the Kuomintang
    ["国民党首玉木雄一郎表示，将与野田会谈。", []],
    ["自民党首相石破茂表示，将继续执政。", ["自民党"]],
  ])("reads 党首 as the party leader's title: %s", (text, forms) => {
    const orgs = entitiesOf(text).filter((e) => e.kind === "Org");
    expect(orgs.flatMap((e) => e.forms)).toEqual(forms);
  });

  it.each([
    // aj/2024/11/01/AJ-埃隆-马斯克或以-削减成本部长-的身份着眼于美国政府的彻底改革: 环境保护署 alone is Hong Kong's
    ["美国环境保护署也指责SpaceX污染了其德克萨斯州基地周围的地区。", "美国环境保护署"],
    // rfa/2024/11/21/RFA-數字人民幣之父-虛擬貨幣權錢交易落馬…: 證監會 alone is Hong Kong's SFC
    ["中國證監會昨日宣布對其立案調查。", "中国证监会"],
  ])("gives a body another country's name says to the country named before it: %s", (text, canonical) => {
    const orgs = entitiesOf(text).filter((e) => e.kind === "Org");
    expect(orgs.map((e) => e.canonical)).toContain(canonical);
  });

  it("names a mission by its own country and its host (cna/2024/11/08/CNA-加拿大眾院通過挺台動議-中國駐加大使館堅決反對)", () => {
    const orgs = entitiesOf("中國駐加拿大大使館發言人表示，此舉是侵犯中國主權。").filter((e) => e.kind === "Org");
    expect(orgs.map((e) => e.canonical)).toEqual(["中国驻加拿大大使馆"]);
  });

  it.each([
    // aj/2024/11/23/AJ-乌克兰要求西方提供先进防空系统以抵御俄罗斯的导弹
    ["乌克兰总参谋部表示，该定居点是俄罗斯军队试图推进的8个村庄之一。", "乌克兰总参谋部"],
    // aj/2024/11/22/AJ-韩国称俄罗斯向朝鲜运送导弹以换取军队
    ["韩国国家情报局在本周告诉国会议员，部队已被分配到战场上。", "韩国国家情报局"],
  ])("finds a country's general staff and intelligence agency: %s", (text, canonical) => {
    const orgs = entitiesOf(text).filter((e) => e.kind === "Org");
    expect(orgs.map((e) => e.canonical)).toContain(canonical);
  });

  it("finds organisations: registry, country + institution, acronym in brackets (seed 000)", () => {
    const orgs = entitiesOf("但他告诉俄罗斯国际电视台（RTVI），俄罗斯外交部发表声明。").filter((e) => e.kind === "Org");
    expect(orgs.flatMap((e) => e.forms)).toEqual(expect.arrayContaining(["俄罗斯国际电视台", "RTVI", "俄罗斯外交部"]));
  });

  it("joins an organisation and its abbreviation in brackets (seed 000: 欧洲安全与合作组织（欧安组织）)", () => {
    const orgs = entitiesOf("俄罗斯又于1月13日同欧洲安全与合作组织（欧安组织）举行安全会议。").filter(
      (e) => e.kind === "Org",
    );
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.forms).toEqual(["欧洲安全与合作组织", "欧安组织"]);
  });
});

describe("nativeNameLength", () => {
  it.each([
    ["陈国基表示", 3], // RTHK style: 政务司司长陈国基表示
    ["李家超今日", 3],
    ["罗健熙表示", 3],
    ["毛宁表示", 2],
    ["欧阳伯权说", 4], // double surname
    ["熊超然】", 3], // seed 000 byline
    ["周一", 0], // a weekday, not 周 + 一
    ["黎当时", 0], // 黎 + a time word
    ["游走中", 0], // jieba reads the "surname" into a verb
    ["高度", 0], // an ordinary word
  ])("reads %s as a name of %i characters", (text, length) => {
    expect(nativeNameLength(text, 0)).toBe(length);
  });
});
