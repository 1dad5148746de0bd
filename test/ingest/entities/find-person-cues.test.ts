import { describe, expect, it } from "vitest";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";

// Sentences quoted from pen-2411 articles (../shared/corpus/pen-2411.tar.xz); the path names the article.
const persons = (text: string) => chainMentions(text, simplifyText(text)).filter((e) => e.kind === "Person");
const formsOf = (text: string) => persons(text).flatMap((e) => e.forms);

describe("person cues beyond titles and brackets", () => {
  it.each([
    // rfa/2024/11/01/RFA-港府派兩萬鼓勵生育…: credit line with two roles
    ["credit line", "編輯：陸南才 網編：程皓楠", ["陸南才", "程皓楠"]],
    // cna/2024/11/20/CNA-委內瑞拉爭議選後4個月…: translator and reviewer in brackets
    ["credit brackets", "採取更強硬立場。（譯者：張茗喧/核稿：何宏儒）1131120", ["張茗喧", "何宏儒"]],
    // nyt/2024/11/21/NYT-在普京看来…: translator
    ["translator", "翻译：杜然", ["杜然"]],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: an all-caps byline paragraph
    ["Latin byline", "KEITH BRADSHER\n没有一位美国商界领袖比埃隆·马斯克更公开", ["KEITH BRADSHER"]],
    // nyt/2024/11/26/NYT-前舞蹈演员起诉神韵…: two bylines in one paragraph
    ["two Latin bylines", "NICOLE HONG, MICHAEL ROTHFELD\n一名前舞蹈演员起诉", ["NICOLE HONG", "MICHAEL ROTHFELD"]],
    // dw/2024/11/01/DW-欧日签署安全与防务伙伴关系协议: a Latin name after a title and before a speech verb
    ["Latin name", "东京大学公共政策研究生院教授 Yee Kuang Heng 表示，工业合作协议可能", ["Yee Kuang Heng"]],
    // rfa/2024/11/01/RFA-港府派兩萬鼓勵生育…: an English given name alone, then a speech verb
    ["English given name", "Jack說：「兩萬元真的幫不了甚麼」", ["Jack"]],
    // rfa/2024/11/06/RFA-美國大選-特朗普重回白宮…: surname + honorific
    ["surname + honorific", "從事電子零售業的余先生表示，因工作關係較留意今次選舉", ["余先生"]],
    // aj/2024/11/01/AJ-乌克兰再次喊话盟友…: a Korean name longer than the transliteration run inside it
    ["Korean name after a title", "另一方面，韩国国防部长金英贤则指出，平壤已向莫斯科提供了导弹。", ["金英贤"]],
    // rthk/2024/11/09/RTHK-29歲設計師接受心臟移植…: a weak title, a native name, a speech verb
    ["weak title + speech verb", "醫管局器官捐贈聯絡主任黃穎欣指出，登記人數有增加", ["黃穎欣"]],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: 的 + dot-name + speech verb (邓 is a transliteration character)
    ["的 + name + speech verb", "长期从事中国汽车咨询工作的迈克尔·邓恩表示。", ["迈克尔·邓恩"]],
    // dw/2024/11/01/DW-欧日签署安全与防务伙伴关系协议: Japanese minister, family name + one-character given name
    ["Japanese name", "与日本防卫大臣岩屋毅共同宣布签署协议", ["岩屋毅"]],
    // kyodo/2024/11/07/KYODO-日本10月经济形势报告…: Japanese name with a two-character given name
    ["Japanese name after 相", "会上财务相加藤胜信认为日本经济迎来了摆脱通缩的机会", ["加藤胜信"]],
    // kyodo/2024/11/08/KYODO-详讯-日产将在全球裁员9000人…: a preposition after a one-character given name
    ["a Japanese name before 从", "日产透露，为明确经营责任，社长内田诚从11月起将返还报酬的50%", ["内田诚"]],
    // dw/2024/11/01/DW-北韓將參與俄烏戰事…: a given name never ends inside the speech verb after it (認|為)
    ["a name before 認為", "不過，遼寧大學美國與東亞研究院院長呂超認為，美國不該期望中國去管北韓。", ["呂超"]],
    // nyt/2024/11/26/NYT-远洋捕捞-式执法猖獗…: a given name ending in 星 before a speech verb
    ["a given name ending in 星", "曾在类似案件中为许多企业进行过辩护的前律师李金星说，法院必须独立。", ["李金星"]],
    // kyodo/2024/11/01/KYODO-立民与国民两党干事长…: a given name ending in 也
    ["a given name ending in 也", "立民干事长小川淳也与国民干事长榛叶贺津也会谈", ["小川淳也", "榛叶贺津也"]],
    // kyodo/2024/11/29/KYODO-追踪石破茂首相-29日: names closed by a list's comma, after titles the lexicon lacks
    [
      "Japanese officials in a list",
      "17:16 会见国家安全保障局长秋叶刚男、内阁情报官原和也。08:39 会见官房长官林芳正。",
      ["秋叶刚男", "林芳正"],
    ],
    // kyodo/2024/11/21/KYODO-追踪石破茂首相-21日: family names of the lexicon after titles it lacks
    [
      "Japanese officials after unlisted titles",
      "会见经济再生担当相赤泽亮正、内阁府的事务次官井上裕之、政策统括官木村聪。",
      ["赤泽亮正", "井上裕之", "木村聪"],
    ],
  ])("finds %s", (_cue, text, forms) => {
    expect(formsOf(text)).toEqual(expect.arrayContaining(forms));
  });

  it.each([
    // rfa/2024/11/01/RFA-港府派兩萬鼓勵生育…: 向 is a surname, but 向本台 is "to this station"
    ["a preposition read as a surname", "政府發言人向本台指，由去年10月25日計劃開始"],
    // cna/2024/11/21/CNA-川普內閣商務部長…: a title followed by an ordinary word
    ["an ordinary word after a title", "盧特尼也曾是財政部長熱門人選"],
    // pen-2411 (DW): 环境相 inside 环境相关 is no Japanese minister's title
    ["a title read into the next word", "提供专业查核报告及与信息环境相关的传播观察"],
    // kyodo/2024/11/30/KYODO-石破称日美安保…: a noun phrase after 的 before a speech verb
    ["a noun phrase after 的", "石破茂在29日的施政演说中表示"],
    // aj/2024/11/29/AJ-美国政治家族…: 的文章中写道
    ["a noun and a locative after 的", "在题为《他的尸体之上》的文章中写道"],
  ])("does not take %s for a name", (_case, text) => {
    const found = formsOf(text).filter((f) => !["石破茂"].includes(f));
    expect(found).toEqual([]);
  });

  it("keeps a name glossed in Latin whole where it is named again, not the registry name inside it (dw/2024/11/04/DW-再次躲过衰退…)", () => {
    const ps = persons(
      "德国工商总会首席执行官万斯莱本（Martin Wansleben）表示。万斯莱本表示，许多公司认为明年的情况只会变得更糟。",
    );
    expect(ps.map((p) => p.forms)).toEqual([["万斯莱本", "Martin Wansleben"]]);
  });

  it("chains a Japanese family name to the full name (nhk/2024/11/30/NHK-石破茂首相在国会发表施政演说)", () => {
    const ps = persons("石破茂首相29日在国会发表施政演说。石破就此表示，将下定决心。");
    expect(ps).toHaveLength(1);
    expect(ps[0]!.forms).toEqual(expect.arrayContaining(["石破茂", "石破"]));
    expect(ps[0]!.forms).not.toContain("石破就此");
  });

  it("chains a Latin byline to the same name in another case (nyt/2024/11/21/NYT-在普京看来…)", () => {
    const ps = persons("MIKHAIL ZYGAR\n在普京看来。\nMikhail Zygar(@zygaro)曾任独立新闻频道TV Rain主编。");
    const zygar = ps.filter((p) => p.forms.some((f) => /zygar/i.test(f)));
    expect(zygar).toHaveLength(1);
    expect(zygar[0]!.forms).toEqual(expect.arrayContaining(["MIKHAIL ZYGAR", "Mikhail Zygar"]));
    expect(zygar[0]!.latin).toBe("Mikhail Zygar");
  });

  it("reads a name glossed by a company word as no person (cna/2024/11/21/CNA-川普內閣商務部長…)", () => {
    const text = "在1983年加入全球投資銀行與金融服務公司費茲傑羅（Cantor Fitzgerald）後";
    expect(formsOf(text)).not.toContain("費茲傑羅");
  });
});

describe("audit cases on pen-2411 articles outside the dev gold", () => {
  it("joins a bare surname to the full name named last before it when two people share it (cna/2024/11/24/CNA-委內瑞拉反對派匿藏…)", () => {
    const text =
      "另一名委內瑞拉反對派成員歐瑪．龔薩雷茲（Omar Gonzalez）則在X平台張貼影片。美國則在上週認定委國反對派領袖埃德蒙多．龔薩雷茲（Edmundo Gonzalez Urrutia）是大選勝利者。龔薩雷茲今天在X平台發文表示感謝。";
    const gonzalez = persons(text).filter((e) => e.forms.some((f) => f.includes("龔薩雷茲")));
    expect(gonzalez).toHaveLength(2);
    const edmundo = gonzalez.find((e) => e.latin === "Edmundo Gonzalez Urrutia");
    expect(edmundo?.forms).toContain("龔薩雷茲");
  });

  it("keeps a speaker of the House apart from the registry's prime minister of the same name (dw/2024/11/04/DW-事实核查-马斯克…)", () => {
    const text = "今年7月，美国众议院共和党籍议长约翰逊宣称，民主党在阻挠确保只有美国公民才能投票的措施。";
    const johnson = persons(text).find((e) => e.forms.includes("约翰逊"));
    expect(johnson?.latin).not.toBe("Boris Johnson");
  });

  it("reads a Japanese given name of three characters (kyodo: 国民民主党干事长榛叶贺津也)", () => {
    expect(formsOf("国民民主党干事长榛叶贺津也介绍称，将与各党等距离推进。")).toContain("榛叶贺津也");
  });

  it.each([
    // nyt credits: contributors and photographers
    ["contributors", "Maya C. Miller、Alan Blinder对本文有报道贡献。", ["Maya C. Miller", "Alan Blinder"]],
    ["a photographer", "特朗普在白宫。Erin Schaff/The New York Times", ["Erin Schaff"]],
    // dw byline with letters beyond ASCII
    ["a byline with an umlaut", "Marcel Fürstenau\n柏林墙倒塌35周年。", ["Marcel Fürstenau"]],
  ])("finds the names in %s", (_what, text, names) => {
    expect(formsOf(text)).toEqual(expect.arrayContaining(names));
  });
});

describe("names marked as transliterations", () => {
  it("takes a name before （音） (nyt/2024/11/26/NYT-前舞蹈演员起诉神韵…)", () => {
    expect(formsOf("张郡格的律师、常驻华盛顿的泰时·王（音）在一份声明中表示，迫害不能成为理由。")).toContain("泰时·王");
  });
});
