import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../../ingest/graph/assemble-graph.ts";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { extractArticle } from "../../../ingest/extract-article.ts";
import { articleCountry, findBodies } from "../../../ingest/entities/find-bodies.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";
import { sentenceArticle } from "../../_helpers.ts";

// Sentences quoted from pen-2411 articles (../shared/corpus/pen-2411.tar.xz) and the seeds; the comment names each.
const orgs = (text: string) => chainMentions(text, simplifyText(text)).filter((e) => e.kind === "Org");
const orgForms = (text: string) => orgs(text).flatMap((e) => e.forms);

describe("government bodies and organisations", () => {
  it.each([
    // dw/2024/11/01/DW-欧日签署安全与防务伙伴关系协议: a country's government that acts
    [
      "country + 政府",
      "但日本此前曾称中国是其最大的安全挑战，因为中国政府正在该地区加强军事能力。",
      "中国政府",
      "中国政府",
    ],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: a head of government's name + 政府
    ["leader + 政府", "拜登政府以国家安全为由启动了一项监管程序", "拜登政府", "美国政府"],
    // kyodo/2024/11/08/KYODO-焦点-日本担忧…: a body whose name says its country
    ["外务省", "共和党相关人士向外务省高层称“日本是重要的盟国，没有什么可担心的”。", "外务省", "日本外务省"],
    // rfa/2024/11/01/RFA-港府派兩萬鼓勵生育…: 港府 is the Hong Kong government
    ["港府", "措施實施至今已有1年，至今年9月底港府已向2萬5千多名申請人發放獎勵金。", "港府", "香港政府"],
  ])("finds %s", (_what, text, form, canonical) => {
    const found = orgs(text).find((e) => e.forms.includes(form));
    expect(found, `no organisation ${form}`).toBeDefined();
    expect(found!.canonical).toBe(canonical);
  });

  it("joins an army's synonyms into one organisation (aj/2024/11/01/AJ-乌克兰再次喊话盟友…)", () => {
    const text =
      "乌克兰武装部队第24旅在乌克兰顿涅茨克地区进行训练。其中多达8000名驻扎在库尔斯克，乌克兰军队继续占领该地区。";
    const army = orgs(text).find((e) => e.forms.includes("乌克兰军队"));
    expect(army?.forms).toEqual(expect.arrayContaining(["乌克兰武装部队", "乌克兰军队"]));
  });

  it("resolves a bare 政府 to the country of a domestic report (rthk/2024/11/01/RTHK-政府稱告票電子化…)", () => {
    const text = "運輸署將於本月18日起收集電子聯絡方式。運輸署表示會通知車主。當局表示，政府會於明年公布詳情。";
    expect(articleCountry(simplifyText(text))).toBe("香港");
    const gov = orgs(text).find((e) => e.forms.includes("當局"));
    expect(gov?.canonical).toBe("香港政府");
  });

  it("makes a Japanese head of government's family name + 政府 the government (kyodo/2024/11/08/KYODO-焦点…)", () => {
    const found = findBodies(simplifyText("日本执政党在众院选举中议席数未能过半，石破政府的执政基础变得薄弱。"));
    expect(found.find((m) => m.key === "石破政府")?.canonical).toBe("日本政府");
  });

  it("takes the Latin name in brackets as a form of the organisation (cna/2024/11/21/CNA-川普內閣商務部長…)", () => {
    const text = "包括富比世、紐約時報（The New York Times）等媒體都報導，盧特尼克的任命引發利益衝突疑慮。";
    const times = orgs(text).find((e) => e.forms.includes("紐約時報"));
    expect(times?.forms).toContain("The New York Times");
  });

  it("keeps a bare body local when the article names no country (one 外交部 is not every 外交部)", () => {
    const a = sentenceArticle("外交部表示，会谈取得了进展。");
    const b = { ...sentenceArticle("外交部发言人周三表示，双方将继续沟通。"), id: "a_00000000000000b2" };
    const { graph } = assembleGraph([extractArticle(a), extractArticle(b)]);
    const ministries = graph.filterNodes((_k, attrs) => attrs["label"] === "Org");
    expect(ministries.length).toBe(2);
  });

  it("never merges Japan's 自民党 with Germany's 自由民主党", () => {
    const jp = sentenceArticle(
      "日本执政联盟中，自民党在众院选举中失利。日本首相石破茂表示将继续执政。日本政府周五开会。",
    );
    const de = {
      ...sentenceArticle("德国执政联盟瓦解，自由民主党退出政府。德国总理朔尔茨表示将举行选举。德国经济疲软。"),
      id: "a_00000000000000d2",
    };
    const { graph } = assembleGraph([extractArticle(jp), extractArticle(de)]);
    const parties = graph.filterNodes(
      (_k, attrs) => attrs["label"] === "Org" && /自由民主党|自民党/.test(String(attrs["name"])),
    );
    expect(parties).toHaveLength(2);
  });

  it.each([
    // seed 000 (Guancha): a government named only as a modifier does not act
    ["a body as a modifier", "将制裁包括俄罗斯总统普京在内的俄政府和军方高级官员以及银行机构。", "俄政府"],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: a kind, not an organisation
    ["a country + generic noun", "但包括蔚来、华为和百度在内的许多中国公司已获准推出类似的系统。", "中国公司"],
    // kyodo/2024/11/08/KYODO-焦点…: a relation between countries
    ["a bilateral alliance", "日本政府为深化牢固的日美同盟，力争尽快举行首脑会谈。", "美同盟"],
    // kyodo/2024/11/07/KYODO-日本10月经济形势报告…: an organisation inside its head's title
    ["a bureau in a title", "日本财务省在7日的全国财务局长会议上公布了报告。", "财务局"],
  ])("does not take %s for an organisation", (_what, text, form) => {
    expect(orgForms(text)).not.toContain(form);
  });

  it.each([
    // nyt/2024/11/21/NYT-在普京看来…: a Latin name after a word for its kind
    ["a Latin name after its kind", "Mikhail Zygar曾任独立新闻频道TV Rain主编。", "TV Rain"],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: a quoted name after its kind
    [
      "a quoted name after its kind",
      "底特律一家专门研究中国汽车行业的咨询公司“中国汽车洞察”的董事总经理涂乐说。",
      "中国汽车洞察",
    ],
    // rfa/2024/11/01/RFA-港府派兩萬鼓勵生育…: an agency of the UN carries its name
    ["a UN agency", "聯合國人口基金會指出，香港的生育率全球最低。", "聯合國人口基金會"],
    // nyt/2024/11/26/NYT-前舞蹈演员起诉神韵…: an institution named by an ordinary word
    [
      "an institution named by a common word",
      "在《纽约时报》刊登了张郡格的言论后，飞天大学教授龚书佳在其频道上散播言论。",
      "飞天大学",
    ],
    // aj/2024/11/25/AJ-耗资60亿美元…: the party, not its committee
    [
      "a party named with its committee",
      "这一消息是在上周五由埃尔多安主持的正义与发展党中央委员会会议期间宣布的。",
      "正义与发展党",
    ],
    // kyodo/2024/11/08/KYODO-焦点…: a mission abroad
    ["an embassy", "日本为防备特朗普东山再起，以驻美大使馆为主维持了人脉。", "驻美大使馆"],
    // aj/2024/11/21/AJ-拜登给泽连斯基的告别礼物…: a body named with its country's name, as an object
    [
      "a country's army as an object",
      "拜登总统还同意向乌克兰提供在160多个国家禁止使用的杀伤人员地雷，以支持乌克兰军队。",
      "乌克兰军队",
    ],
    // cna/2024/11/05/CNA-黎巴嫩南部邊境村莊大規模爆炸…: a state body named by its field after 国家
    [
      "a national body",
      "黎巴嫩國家人權委員會表示：「以色列軍隊在黎巴嫩南部持續的破壞行動構成戰爭罪。」",
      "國家人權委員會",
    ],
    // aj/2024/11/27/AJ-特朗普任命其首任政府资深人士…: the same, with no country before it
    ["a national council", "凯文·哈塞特将担任国家经济委员会主任。", "国家经济委员会"],
    // aj/2024/11/24/AJ-中国-俄罗斯-伊朗-朝鲜…: an institution named after a person
    [
      "a foundation named after a person",
      "卡内基国际和平基金会非常驻学者奥莉安娜·斯凯勒·马斯特罗认为，这一联盟使美国几十年来首次面临挑战。",
      "卡内基国际和平基金会",
    ],
    // nyt/2024/11/08/NYT-美国还有可能出现女总统吗: a university named after a person
    ["a university named after a person", "在霍华德大学发表败选演说时，贺锦丽没有谈到她的失利。", "霍华德大学"],
    // aj/2024/11/25/AJ-耗资60亿美元…: a publication in 《》 after the word for it, glossed in Latin
    [
      "a newspaper after its kind",
      "与政府关系密切的土耳其报纸《沙巴》（Sabah）报道称，埃尔多安宣布了一项项目。",
      "沙巴",
    ],
    // nhk/2024/11/03/NHK-日本向联合国递交的废核武决议案再获通过: a committee numbered by an ordinal
    ["a numbered committee", "11月1日，负责裁军问题的联合国大会第一委员会进行表决。", "联合国大会第一委员会"],
    // nyt/2024/11/21/NYT-币圈-争议人物孙宇晨…: a company of the registry, with no suffix
    ["an auction house", "纽约——周三晚，在苏富比当代艺术拍卖会上，一根香蕉被拍出。", "苏富比"],
    // rfa/2024/11/21/RFA-數字人民幣之父…: a quoted name with its acronym
    [
      "a quoted name with its acronym",
      "美國智庫「新美國安全研究中心」（CNAS）曾在報告中指出，這是習近平地緣政治野心的產物。",
      "新美國安全研究中心",
    ],
    // rfa/2024/11/07/RFA-央視諷美國大選影片…: a verbal noun inside an institution's name
    [
      "a verbal noun inside a name",
      "國家政策研究基金會副研究員李正修表示，北京認為特朗普得罪不起。",
      "國家政策研究基金會",
    ],
  ])("finds %s", (_what, text, form) => {
    expect(orgForms(text)).toContain(form);
  });

  it.each([
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: generic words and a suffix
    ["state banks", "南昌的一条电动车装配线。国有银行以低利率向中国汽车制造商提供贷款。", "国有银行"],
    // nhk/2024/11/08/NHK-日本政府认定东北大学…: a kind of university
    ["a kind of university", "日本政府认定东北大学为首所国际卓越研究型大学。", "研究型大学"],
    // aj/2024/11/22/AJ-在受到国际原子能机构谴责后…: a quoted clause after 机构 is no name
    ["a quoted clause", "伊朗愿意与国际原子能机构“解决针对其核计划的疑虑”。", "解决针对其核计划的疑虑"],
    // aj/2024/11/22/AJ-华盛顿为何对内塔尼亚胡和加兰特的逮捕令感到担忧: a country and a kind, one jieba word
    ["a country's companies", "对为法院提供服务的美国公司实施制裁。", "美国公司"],
    // …: a verb jieba reads as a noun between a person and a court
    ["a person and a verb before a court", "参议员约翰·图恩预计法院在11月17日做出裁决。", "图恩预计法院"],
    // aj/2024/11/01/AJ-乌克兰再次喊话盟友… (link list): media spoken to, then a quoted word
    ["a quoted word after media spoken to", "泽连斯基对白宫向媒体“泄秘”深感不安", "泄秘"],
    // cna/2024/11/04/CNA-印度巴士墜入喜馬拉雅山脈深谷…: a bracketed word after no organisation's name
    ["a bracketed word after a common noun", "重傷3人已由直升機送往醫院（救治）。", "救治"],
    // cna/2024/11/01/CNA-朱鎔基-發聲…: a university jieba knows, after the person who asked it
    [
      "a person before a university's name",
      "朱鎔基委託清華大學校長李路明轉達了對顧問委員和特邀專家的問候。",
      "朱鎔基委託清華大學",
    ],
  ])("does not take %s for an organisation", (_what, text, form) => {
    expect(orgForms(text)).not.toContain(form);
  });

  it("takes 欧盟 for an organisation although the place list holds it (dw/2024/11/01/DW-欧日签署…)", () => {
    expect(orgForms("日本和欧盟周五在东京宣布建立全面的新安全与防务伙伴关系。")).toContain("欧盟");
  });

  it("finds the platform X only where the text says it is a platform (cna/2024/11/20/CNA-委內瑞拉…)", () => {
    expect(orgForms("美國國務卿布林肯在社群平台X發文指出，民主必須尊重選民意願。")).toContain("X");
    expect(orgForms("他在X光检查中没有发现问题。")).not.toContain("X");
  });
});

describe("audit cases on pen-2411 articles outside the dev gold", () => {
  it("takes one Latin word that speaks for an organisation (aj/2024/11/28/AJ-俄罗斯导弹袭击乌克兰电网…)", () => {
    expect(orgForms("据Ukrenergo称，基辅、敖德萨、第聂伯罗和顿涅茨克地区停电。")).toContain("Ukrenergo");
  });

  it("gives a city's authorities to the city, not to the article's country (aj: 加沙当局)", () => {
    const text = "以色列军方周三表示将继续行动。以色列总理内塔尼亚胡说，以色列不会停火。加沙当局表示，已有数十人死亡。";
    const gaza = orgs(text).find((e) => e.forms.includes("加沙当局"));
    expect(gaza?.canonical).toBe("加沙政府");
  });
});
