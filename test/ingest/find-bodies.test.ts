import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../ingest/assemble-graph.ts";
import { chainMentions } from "../../ingest/chain-mentions.ts";
import { extractArticle } from "../../ingest/extract-article.ts";
import { articleCountry } from "../../ingest/find-bodies.ts";
import { simplifyText } from "../../ingest/simplify.ts";
import { sentenceArticle } from "../_helpers.ts";

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

  it("takes 欧盟 for an organisation although the place list holds it (dw/2024/11/01/DW-欧日签署…)", () => {
    expect(orgForms("日本和欧盟周五在东京宣布建立全面的新安全与防务伙伴关系。")).toContain("欧盟");
  });

  it("finds the platform X only where the text says it is a platform (cna/2024/11/20/CNA-委內瑞拉…)", () => {
    expect(orgForms("美國國務卿布林肯在社群平台X發文指出，民主必須尊重選民意願。")).toContain("X");
    expect(orgForms("他在X光检查中没有发现问题。")).not.toContain("X");
  });
});
