import { describe, expect, it } from "vitest";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { findQuotes } from "../../../ingest/quotes/find-quotes.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";

/** Quotes of a text as the extractor gives them (speaker ids, confidence). */
function findQuotesWithConfidence(text: string) {
  const s = simplifyText(text);
  return findQuotes(text, s, chainMentions(text, s));
}

/** Quotes of a text with the speaker's first form instead of the local id. */
function quotesOf(text: string) {
  const s = simplifyText(text);
  const entities = chainMentions(text, s);
  return findQuotes(text, s, entities).map((q) => ({
    kind: q.kind,
    text: q.text,
    speaker: entities.find((e) => e.id === q.speaker)?.forms[0],
  }));
}

describe("findQuotes", () => {
  it.each([
    // seed 004 (VOA): speaker before, with a colon
    [
      "X在…对记者说：“…”",
      "北约秘书长斯托尔滕贝格(Jens Stoltenberg)说，他已经提出了想法。斯托尔滕贝格在布鲁塞尔对记者说：“北约盟国已经准备好与俄罗斯进行对话。”",
      "北约盟国已经准备好与俄罗斯进行对话。",
      "斯托尔滕贝格",
    ],
    // seed 000 (Guancha): speaker after the quote, with a title in between
    [
      "“…”X…后表示",
      "“战鼓擂得响亮，言辞变得相当尖锐。”美国常驻欧安组织代表迈克尔·卡彭特（Michael Carpenter）在奥地利首都维也纳与俄方代表举行会谈后表示，会谈过后，俄罗斯的意图仍不清晰。",
      "战鼓擂得响亮，言辞变得相当尖锐。",
      "迈克尔·卡彭特",
    ],
    // seed 002 (DW): nested reporting — the State Department reports Sherman's words
    [
      "美国国务院表示，谢尔曼向对方表示「…」",
      "美国副国务卿谢尔曼（Wendy Sherman）在9日已於日内瓦会面。美国国务院表示，谢尔曼向对方表示「华盛顿欢迎通过外交手段来取得真正的进展」。",
      "华盛顿欢迎通过外交手段来取得真正的进展",
      "谢尔曼",
    ],
    // seed 004 (VOA): pronoun resolved to the person named before
    [
      "他…表示：“…”",
      "克里姆林宫发言人佩斯科夫(Dmitry Peskov)表示，最终重要的是结果。他在与记者的电话会议上表示：“到目前为止，我们没有看到任何值得乐观的重要理由。”",
      "到目前为止，我们没有看到任何值得乐观的重要理由。",
      "佩斯科夫",
    ],
    // seed 004 (VOA): speaker after, "…，" X说
    [
      "“…，”X说",
      "美国驻北约大使史密斯(Julianne Smith)在会谈之前对记者说，北约致力于外交。“如果俄罗斯走对抗和军事行动的道路，我们将做出坚决回应，” 史密斯说。",
      "如果俄罗斯走对抗和军事行动的道路，我们将做出坚决回应，",
      "史密斯",
    ],
    // seed 000 (Guancha): speaker before, X说：“…”
    [
      "X说：“…”",
      "美国总统国家安全事务助理沙利文在白宫发言。沙利文说：“我们在2014年看到了这个剧本，美国如论如何都准备好了。”",
      "我们在2014年看到了这个剧本，美国如论如何都准备好了。",
      "沙利文",
    ],
    // seed 001 (BBC): a quote standing alone continues the speaker of the sentence before
    [
      "continuation",
      "美国国务卿布林肯在电视采访中表示，他认为会谈不会取得任何突破。他还说美俄会把各自的建议摆在桌面，\n“在目前升级持续进行的时候，很难看到会取得任何实际进展。”",
      "在目前升级持续进行的时候，很难看到会取得任何实际进展。",
      "布林肯",
    ],
    // seed 000 (Guancha): a title standing alone for the person who holds it in the article
    [
      "title only",
      "美国常驻欧安组织代表认为，目前“战鼓已经擂得非常响”，美方虽有对话意愿。“战鼓擂得响亮。”美国常驻欧安组织代表迈克尔·卡彭特（Michael Carpenter）表示。",
      "战鼓已经擂得非常响",
      "迈克尔·卡彭特",
    ],
    // seed 001 (BBC): a short attributed fragment, with a quoted speaker (据…引述X的话说)
    [
      "引述X的话说，…“…”",
      "但是俄罗斯新闻社报道引述俄副外长里亚布科夫的话说，外交活动“很可能在一次会谈后就结束”。",
      "很可能在一次会谈后就结束",
      "里亚布科夫",
    ],
    // the 据X说 shape of issue 4, on a sentence of seed 000 (Guancha) reworded
    [
      "据X说，“…”",
      "俄罗斯副外长里亚布科夫（Sergei Ryabkov）早前已表态。据里亚布科夫说，“双方在解决问题上存在分歧或走进了死胡同”。",
      "双方在解决问题上存在分歧或走进了死胡同",
      "里亚布科夫",
    ],
    // seed 001 (BBC): an organisation speaks when no person is named
    [
      "organisation",
      "12月26日克里姆林宫发言人把北约扩展到了俄罗斯边界说成是“事关生死”的问题。",
      "事关生死",
      "克里姆林宫",
    ],
  ])("attributes a direct quote in the shape %s", (_shape, text, quote, speaker) => {
    const q = quotesOf(text).find((x) => x.kind === "direct" && x.text === quote);
    expect(q, `no quote ${quote}`).toBeDefined();
    expect(q!.speaker).toBe(speaker);
  });

  it.each([
    // nyt/2024/11/21/NYT-在普京看来…: a pronoun right after the quote, resolved to the person named before the quote
    [
      "“…，”他…说道",
      "在那个时间前后，普京本人也提出了类似的美国领土分裂的观点。“作为前苏联的公民，我来告诉你，帝国的问题在于：他们认为自己太强大了，犯点小错也不碍事，”他在2021年曾经说道。",
      "作为前苏联的公民，我来告诉你，帝国的问题在于：他们认为自己太强大了，犯点小错也不碍事，",
      "普京",
    ],
    // nyt/2024/11/21/NYT-在普京看来…: a channel named in a locative phrase is not the speaker
    [
      "他在X上说，“…”",
      "俄罗斯前总统梅德韦杰夫也谈到了这部电影。他在自己的Telegram频道上说，“好莱坞不会无缘无故地把它拍成电影。”",
      "好莱坞不会无缘无故地把它拍成电影。",
      "梅德韦杰夫",
    ],
    // kyodo/2024/11/08/KYODO-焦点-日本担忧…: the speech verb later in the sentence, its subject in the clause before
    [
      "“…”…，X…后，向记者团强调",
      "“虽然一对一交谈是首次，但感觉（特朗普）非常友好。”7日上午在官邸，首相石破茂结束与特朗普的首次电话会谈后，向记者团强调谈得很好。",
      "虽然一对一交谈是首次，但感觉（特朗普）非常友好。",
      "石破茂",
    ],
    // kyodo/2024/11/08/KYODO-焦点-日本担忧…: a source in brackets after the quote
    [
      "“…”（X相关人士）",
      "政府内部对“不知道特朗普会说些什么”（防卫省相关人士）的警惕感升温。",
      "不知道特朗普会说些什么",
      "防卫省",
    ],
    // cna/2024/11/21/CNA-川普內閣商務部長…: a clause without a subject shares the subject of the clause before
    [
      "X曾指…，指控「…」",
      "川普提名盧特尼克（Howard Lutnick）為商務部長。法新社報導，盧特尼克曾指中國是造成芬太尼在美國氾濫的根源，指控中國「從內部攻擊美國」。",
      "從內部攻擊美國",
      "盧特尼克",
    ],
    // nyt/2024/11/25/NYT-马斯克想从中国得到什么: the quote belongs to the verb that ends the sentence
    [
      "…“…”，…X说。",
      "特斯拉在中国市场“完全处于劣势，因为他们没有智能驾驶系统”，底特律一家咨询公司的董事总经理涂乐说。",
      "完全处于劣势，因为他们没有智能驾驶系统",
      "涂乐",
    ],
  ])("attributes a direct quote in the shape %s (pen-2411)", (_shape, text, quote, speaker) => {
    const q = quotesOf(text).find((x) => x.kind === "direct" && x.text === quote);
    expect(q, `no quote ${quote}`).toBeDefined();
    expect(q!.speaker).toBe(speaker);
  });

  it.each([
    // dw/2024/11/27/DW-默克尔新书…: a colon after a clause whose subject is no speaker (从她…就可见一斑)
    [
      "a colon clause that opens with a preposition",
      "默克尔出任总理多年。而对特朗普的印象，从她第一次访问白宫就可见一斑：“我们在两个不同的层面说话。”",
      "我们在两个不同的层面说话。",
    ],
    // nyt/2024/11/26/NYT-前舞蹈演员起诉神韵…: the possessor of the speaker (张郡格的律师) is not the speaker
    [
      "a possessor",
      "舞蹈演员张郡格起诉了神韵。张郡格的律师在一份声明中表示，法轮功遭受的迫害“不能成为神韵被告强迫儿童劳动的理由”。",
      "不能成为神韵被告强迫儿童劳动的理由",
    ],
  ])("leaves a quote without a speaker rather than a wrong one: %s", (_case, text, quote) => {
    const q = quotesOf(text).find((x) => x.text === quote);
    expect(q?.speaker ?? "none").toBe("none");
  });

  it.each([
    // pen-2411 DW (audit): the one spoken to is not the speaker
    [
      "an addressee after 对",
      "反数字仇恨中心负责人艾哈迈德（Imran Ahmed）对德国之声表示：“社交平台正在放大仇恨言论。”",
      "社交平台正在放大仇恨言论。",
      "艾哈迈德",
    ],
    // seed 003 (Aljazeera): 这位 + a synonym of the title the person holds
    [
      "这位 + a synonym of the title",
      "政治分析家贝尔萨诺夫认为，谈判可能失败。与此同时，这位政治分析人士认为，决定权现在就在美国政府的手上。",
      "决定权现在就在美国政府的手上",
      "贝尔萨诺夫",
    ],
    // cna/2024/11/20/CNA-委內瑞拉爭議選後4個月…: what observers expect after a comma is no part of the report
    [
      "observers' view after a comma",
      "川普已宣布將提名佛州聯邦參議員盧比歐（Marco Rubio）擔任國務卿，外界預期古巴移民之子的盧比歐將採取強硬立場。",
      "將提名佛州聯邦參議員盧比歐（Marco Rubio）擔任國務卿",
      "川普",
    ],
    // rfa/2024/11/06/RFA-美國大選-特朗普重回白宮…: what a colon opens is a direct quote of its own
    [
      "a colon before a direct quote",
      "從事電子零售業的余先生表示，因工作關係較留意今次選舉：「我的行業主要都是製造業。」",
      "因工作關係較留意今次選舉",
      "余先生",
    ],
  ])("attributes a quote past %s", (_case, text, quote, speaker) => {
    const q = quotesOf(text).find((x) => x.text === quote);
    expect(q, `no quote ${quote}`).toBeDefined();
    expect(q!.speaker).toBe(speaker);
  });

  it.each([
    // aj/2024/11/01/AJ-乌克兰再次喊话盟友…: an evaluative fragment in a named speaker's report
    ["乌克兰外交部长安德烈·西比加表示，朝鲜在乌克兰边境部署军队构成了战争的“真正升级”。", "真正升级", true],
    // dw/2024/11/27/DW-默克尔新书…: an idiom
    ["如今70岁的默克尔讲述了她在民主德国“无忧无虑”的成长。", "无忧无虑", true],
    // seed 000 (Guancha): a term in scare quotes, nouns only
    ["里亚布科夫表示，俄罗斯可能在古巴和委内瑞拉部署“军事基础设施”。", "军事基础设施", false],
    // seed 000 (Guancha): an adjective naming a noun is a term too
    ["此次代表俄方参加谈判的俄罗斯副外长里亚布科夫，已经透露出了“悲观情绪”。", "悲观情绪", false],
  ])("tells a short quoted fragment from a term: %s", (text, fragment, quoted) => {
    const found = quotesOf(text).some((q) => q.kind === "direct" && q.text === fragment);
    expect(found).toBe(quoted);
  });

  it("gives an unnamed official's words to nobody (pen-2411 AJ: 拜登…；这位官员说)", () => {
    const qs = quotesOf("美国总统拜登周二发表讲话。一名美国官员随后否认了这一说法。这位官员说，华盛顿不会改变立场。");
    expect(qs.find((q) => q.text.startsWith("华盛顿不会改变立场"))?.speaker).toBeUndefined();
  });

  it("gives each attribution the confidence of the step that made it", () => {
    const q = quotesOf;
    const named = findQuotesWithConfidence("沙利文说：“我们在2014年看到了这个剧本，美国如论如何都准备好了。”");
    const continued = findQuotesWithConfidence(
      "美国国务卿布林肯在电视采访中表示，他认为会谈不会取得任何突破。他还说美俄会把各自的建议摆在桌面，\n“在目前升级持续进行的时候，很难看到会取得任何实际进展。”",
    );
    expect(q).toBeDefined();
    expect(named.find((x) => x.kind === "direct")!.confidence).toBeGreaterThan(
      continued.find((x) => x.kind === "direct")!.confidence,
    );
  });

  it("splits an interrupted quote into two quotes with one speaker (seed 002, DW)", () => {
    const qs = quotesOf(
      "俄国外交部副部长里亚布科夫（Sergei Ryabkov）称会谈可能结束。「我们不会同意任何让步。这个可能性完全不在考量范围内，」里亚布科夫说，「我们对过去几天来自华盛顿和布鲁塞尔的信号感到失望。」",
    ).filter((q) => q.kind === "direct");
    expect(qs.map((q) => q.speaker)).toEqual(["里亚布科夫", "里亚布科夫"]);
  });

  it("finds an indirect quote with its reported clause (seed 000: 拉乌表示，…)", () => {
    const qs = quotesOf(
      "由波兰外交部长兹比格涅夫·拉乌（Zbigniew Rau）主持。拉乌表示，目前欧安组织地区内的战争风险似乎比过去30年中的任何时候都要大。",
    );
    expect(qs).toContainEqual({
      kind: "indirect",
      text: "目前欧安组织地区内的战争风险似乎比过去30年中的任何时候都要大",
      speaker: "兹比格涅夫·拉乌",
    });
  });

  it.each([
    // nyt/2024/11/26/NYT-前舞蹈演员起诉神韵…: a document says it, and no author is named
    [
      "a document",
      "诉讼称，张郡格离开神韵后被诊断患有临床抑郁症和创伤后应激障碍。",
      "张郡格离开神韵后被诊断患有临床抑郁症和创伤后应激障碍",
    ],
    // nhk/2024/11/03/NHK-日本向联合国递交的废核武决议案…: 决议还称
    [
      "a document with an adverb",
      "决议还称，各国应为削减各种核武器、最终废除核武器而努力。",
      "各国应为削减各种核武器、最终废除核武器而努力",
    ],
  ])("finds an indirect quote of %s with no speaker", (_what, text, clause) => {
    const q = quotesOf(text).find((x) => x.kind === "indirect" && x.text === clause);
    expect(q, `no quote ${clause}`).toBeDefined();
    expect(q!.speaker).toBeUndefined();
  });

  it.each([
    // dw/2024/11/27/DW-默克尔新书…: a negated report (FORMAT.md: 她不认为… is no quote)
    ["a negated verb", "默克尔承认与普京打交道很难。但她不认为这是当时犯下的错误。"],
    // dw/2024/11/27/DW-默克尔新书…: 提到 + a noun phrase
    ["a verb with a noun phrase", "默克尔在书中也提到现任中国国家主席习近平以及印度总统莫迪。"],
    // dw/2024/11/01/DW-欧日签署…: 宣布 + an action
    ["an announced action", "博雷利与日本防卫大臣岩屋毅共同宣布签署安全保障及防卫伙伴关系协议，双方将开展合作。"],
    // dw/2024/11/01/DW-欧日签署…: a clause of quotations is direct speech only
    ["a clause of quotations", "博雷利对记者表示：“我们生活在一个非常危险的世界”，“这一政治框架加深了我们的能力”。"],
    // nyt/2024/11/21/NYT-在普京看来…: a relative clause
    ["a relative clause", "帕特鲁舍夫是俄罗斯的强硬派领袖，是最早宣称美国正走在崩溃不归路上的人之一。"],
    // aj/2024/11/07/AJ-特朗普胜选加剧不确定性…: disclosing a name reports nothing (the direct quote is the report)
    [
      "a verb whose object is a name",
      "拜登政府一位不愿透露姓名的高级官员在周四发表的一份报告中告诉路透社：“政府计划推动让乌克兰处于最强势的地位。”",
    ],
    // cna/2024/11/02/CNA-瑞典-環保少女…: an outlet's report that only frames someone's direct quote
    ["a frame of a direct quote", "法新社報導，童貝里（Greta Thunberg）指出：「無庸置疑，其中一名候選人很危險。」"],
  ])("finds no indirect quote in %s", (_what, text) => {
    expect(quotesOf(text).filter((q) => q.kind === "indirect")).toEqual([]);
  });

  it.each([
    // nyt/2024/11/06/NYT-香港逐步淘汰不达标㓥房…: 该局 is the bureau named before
    [
      "该局",
      "房屋局在回答《纽约时报》提问时表示，这些规定是改善居住条件所必需的。该局还表示，房东将有几年的时间来做翻新工作。",
      "房东将有几年的时间来做翻新工作",
      "房屋局",
    ],
    // aj/2024/11/21/AJ-特朗普处于美国例外论终结时代: 该报 is the paper named before, the word 报纸 after its name
    [
      "该报",
      "阿姆鲁·穆萨接受了《Al-Masry Al-Youm》报纸的长篇采访，该报的头版头条写道：“以色列的扩张威胁沙特阿拉伯和埃及”。",
      "以色列的扩张威胁沙特阿拉伯和埃及",
      "Al-Masry Al-Youm",
    ],
  ])("resolves %s to the organisation of that kind named before", (_what, text, quote, speaker) => {
    expect(quotesOf(text).find((q) => q.text === quote)?.speaker).toBe(speaker);
  });

  it("takes 该部门 for no organisation's anaphor: the deputy named after it speaks (aj/2024/11/24/AJ-泽连斯基为何放弃…)", () => {
    const qs = quotesOf(
      "乌克兰国防部情报总局表示，俄罗斯计划组建新师。该部门副局长瓦迪姆·斯基比茨基告诉国际文传电讯社，“该师计划文件由俄罗斯国防部和总参谋部去年12月制定。”",
    );
    expect(qs.find((q) => q.kind === "direct")?.speaker).toBe("瓦迪姆·斯基比茨基");
  });

  it("attributes to an organisation when no person is named (seed 001: 俄罗斯外交部说)", () => {
    const qs = quotesOf(
      "布林肯的话招致俄罗斯的激烈反驳。俄罗斯外交部说，美国国务卿的话具有侮辱性，指责他拿哈萨克斯坦的悲剧性事件开玩笑。",
    );
    expect(qs.find((q) => q.kind === "indirect")?.speaker).toBe("俄罗斯外交部");
  });

  it.each([
    // seed 000 (Guancha): scare quotes around a term, and a glossed term
    ["a term in scare quotes", "沙利文还在代表白宫方面，拿曾经的“克里米亚事件”来渲染论调。", "克里米亚事件"],
    ["a glossed term", "美国常务副国务卿舍曼形容，这只是一场“讨论”（discussion），而不是“谈判”。", "讨论"],
    ["a title in 《》", "英国《“卫报”评论》给出了这样的评价。", "卫报"],
  ])("does not take %s for a quote", (_what, text, term) => {
    expect(
      quotesOf(text)
        .filter((q) => q.kind === "direct")
        .map((q) => q.text),
    ).not.toContain(term);
  });

  it("resolves 她 to the woman named before (seed 004)", () => {
    const qs = quotesOf(
      "负责政治事务的美国副国务卿卢岚(Victoria Nuland)星期二对记者表示，美国没有看到缓和迹象。她说，通过在乌克兰东部边境对面部署10万军队，俄罗斯制造了这场危机。",
    );
    expect(qs.find((q) => q.kind === "indirect" && q.text.startsWith("通过在乌克兰"))?.speaker).toBe("卢岚");
  });

  it("attributes nested reports to both the outlet and the speaker (seed 002: 国际文传电讯社则报道，里亚布科夫表示…)", () => {
    const qs = quotesOf(
      "俄国外交部副部长里亚布科夫（Sergei Ryabkov）称会谈艰难。国际文传电讯社则报道，里亚布科夫表示他与谢尔曼的会晤「复杂但有效率」。",
    ).filter((q) => q.kind === "indirect");
    expect(qs.map((q) => q.speaker)).toEqual(expect.arrayContaining(["国际文传电讯社", "里亚布科夫"]));
  });

  it("does not make an outlet the speaker of a sentence it merely frames (seed 000: 据路透社…报道，…)", () => {
    const qs = quotesOf(
      "据路透社、美国消费者新闻与商业频道（CNBC）1月13日报道，当天俄罗斯同欧安组织的会谈，由波兰外交部长主持。",
    );
    expect(qs.filter((q) => q.kind === "indirect")).toEqual([]);
  });

  it("leaves the speaker unknown when the text names nobody (seed 001)", () => {
    const qs = quotesOf("俄罗斯周日表示不会在美国的压力下让步，并且警告说本周关于乌克兰危机的会谈“可能会提前结束”。");
    const q = qs.find((x) => x.text === "可能会提前结束");
    expect(q?.speaker).toBeUndefined();
  });

  it.each([
    // cna/2024/11/30/CNA-美國黑色星期五蒙關稅陰影-cnn建議先買手機-電動自行車: the person a title names, not the think tank before the title
    [
      "華府智庫卡托研究所（Cato Institute）經濟貿易副總裁琳希康（Scott Lincicome）說，如果有人在2017年急需洗衣機及烘乾機，他會建議不要等。",
      "如果有人在2017年急需洗衣機及烘乾機，他會建議不要等",
      "琳希康",
    ],
    // nyt/2024/11/25/NYT-中国黑客攻击深远程度令美国官员愈发担忧: 据X的Y称 — the adviser, not the president he serves
    [
      "据拜登的国家安全顾问沙利文称，此次黑客攻击事件如此严重，以至于拜登总统上周末在秘鲁会见中国国家主席习近平时直接与他讨论了此事。",
      "此次黑客攻击事件如此严重，以至于拜登总统上周末在秘鲁会见中国国家主席习近平时直接与他讨论了此事",
      "沙利文",
    ],
    // kyodo/2024/11/25/KYODO-独家-跨国导弹制造商向日本询问购买新武器意向 (shortened): a dateline in 【】 names no speaker; 导弹制造公司MBDA is the company, 向共同社 the addressee
    [
      "【共同社伦敦11月25日电】以英国等为据点的导弹制造公司MBDA的高管近日向共同社透露，该公司向日本询问是否有意购买新武器。",
      "该公司向日本询问是否有意购买新武器",
      "MBDA",
    ],
    // rthk/2024/11/28/RTHK-商務部-中方反對單邊加徵關稅措施立場一貫: the 时-clause is Trump's words, the rest He Yadong's
    [
      "商務部發言人何亞東回應美國當選總統特朗普表示，上任首日起將會對從中國進口的商品加徵10%的關稅時說，中方反對單邊加徵關稅措施的立場是一貫。",
      "上任首日起將會對從中國進口的商品加徵10%的關稅",
      "特朗普",
    ],
  ])("credits the head of a subject that holds several names: %s", (text, clause, speaker) => {
    expect(quotesOf(text)).toContainEqual({ kind: "indirect", text: clause, speaker });
  });

  it("gives no quote to a platform named where something was said (aj: 该办公室在 Telegram 上表示)", () => {
    // aj/2024/11/02/AJ-朝鲜承诺与俄罗斯站在一起-直到在乌克兰取得-胜利
    const qs = quotesOf("该办公室在 Telegram 消息应用程序上表示，伤者中有 9 名平民和一名救援人员。");
    expect(qs.filter((q) => q.speaker === "Telegram")).toEqual([]);
  });

  it("resolves 他 to the speaker of the sentence before, not to a person named in what they said (aj: 德米特里·金)", () => {
    // aj/2024/11/09/AJ-普京的讲话是否为世界新秩序奠定了基础 (shortened)
    const qs = quotesOf(
      "国际事务研究员德米特里·金表示，普京对世界议程上最为复杂的一些问题给出了非常全面的答案。\n他在接受半岛电视台记者采访时表示，普京关于准备就乌克兰问题进行谈判的声明，是该国迈向和平的重要一步。\n他认为这次演讲肯定了奠定新的世界秩序的基础，即开放、互动。",
    ).filter((q) => q.kind === "indirect");
    expect(qs.map((q) => q.speaker)).toEqual(["德米特里·金", "德米特里·金", "德米特里·金"]);
  });

  it("does not resolve 她 to a man the registry knows (aj: 她说 after Trump is named)", () => {
    // aj/2024/11/07/AJ-复仇-政府-特朗普再执政四年意味着什么 (shortened)
    const qs = quotesOf(
      "政治策略师沙阿还指出，许多共和党人可能会拒绝这样做，以回应特朗普在 2021 年 1 月 6 日的行为。她说，那一天对许多共和党人来说是一个“转折点”。",
    );
    expect(qs.find((q) => q.kind === "indirect" && q.text.startsWith("那一天"))?.speaker).toBe("沙阿");
  });

  it.each([
    // nyt/2024/11/07/NYT-中国再次举行环台军演-警告赖清德: an exercise's name
    ["中国将此次演习称为“联合利剑-2024B”，表明这是5月为期两天的“联合利剑-2024A”演习的延续。", "联合利剑-2024A"],
    // kyodo/2024/11/29/KYODO-石破发表施政演说-谈及政治改革及外交安保政策: a policy pursued
    ["在外交和安保政策方面，石破奉行“基于国家利益的现实外交”。", "基于国家利益的现实外交"],
    // cna/2024/11/01/CNA-對外擴大開放-中國全面取消製造業外資准入限制: a regulation coming into force
    [
      "綜合陸媒中央廣播電視總台、觀察者網報導，「外商投資准入特別管理措施（負面清單）（2024年版）」自11月1日起正式施行。",
      "外商投資准入特別管理措施（負面清單）（2024年版）",
    ],
  ])("takes a name in quotation marks for no quote: %s", (text, name) => {
    expect(quotesOf(text).filter((q) => q.kind === "direct" && q.text === name)).toEqual([]);
  });

  it("pairs quotation marks after a title mark closed by the wrong bracket (rfa: 《香港自由新聞」)", () => {
    // rfa/2024/11/06/RFA-編程隨想-阮曉寰和hkfp-入圍-無國界記者-新聞自由獎 (shortened)
    const qs = quotesOf(
      "今年入圍的還有《香港自由新聞」（HKFP）。\n高瑜說：「得知編程隨想阮曉寰入圍無國界記者今年的勇氣獎，我感到非常的興奮。」",
    );
    expect(qs).toContainEqual({
      kind: "direct",
      text: "得知編程隨想阮曉寰入圍無國界記者今年的勇氣獎，我感到非常的興奮。",
      speaker: "高瑜",
    });
  });

  it("credits nobody with words a question asks about (rfa/2024/11/27/RFA-事實查核-日本正式宣布新冠mrna疫苗-史上最致命)", () => {
    const qs = quotesOf(
      "AFCL進一步詢問奧村信幸，是否有任何日本公眾人物曾公開表示「COVID-19 mRNA 疫苗是人類史上最致命的藥物」？",
    );
    expect(qs.filter((q) => q.speaker)).toEqual([]);
  });

  it("leaves 分析显示，… to the reporting word (cna/2024/11/30/CNA-美國黑色星期五蒙關稅陰影-cnn建議先買手機-電動自行車)", () => {
    const qs = quotesOf("CTA上個月發布分析顯示，全面徵收10%的進口關稅，可能會導致筆電及平板的價格漲45%。");
    expect(qs.filter((q) => q.text.startsWith("顯示"))).toEqual([]);
  });

  it("credits the short name of an organisation that is also a word where it acts as a name (神韵艺术团 … 神韵的代表说)", () => {
    // nyt/2024/11/26/NYT-前舞蹈演员起诉神韵艺术团强迫劳动和诱拐儿童 (shortened)
    const qs = quotesOf(
      "前舞蹈演员起诉神韵艺术团。“当然，有些人因为不适合而离开，这完全没问题。”神韵的代表在最近的一份声明中说，“但绝大多数学生都会告诉你，这是在让他们实现梦想。”",
    );
    expect(qs.map((q) => q.speaker)).toEqual(["神韵艺术团", "神韵艺术团"]);
    // …and nowhere else: 充满神韵 is no mention of the troupe
    const es = chainMentions("神韵艺术团巡演。舞蹈充满神韵。", simplifyText("神韵艺术团巡演。舞蹈充满神韵。"));
    expect(es.flatMap((e) => e.mentions)).toHaveLength(1);
  });

  it("credits the reporter, not the outlet she works for nor the place she reports from", () => {
    // aj/2024/11/27/AJ-拜登宣布以色列与真主党达成停火协议 (paragraphs 23 and 33)
    const member = quotesOf("半岛电视台的泽恩·巴斯拉维在黎巴嫩首都报道说，拜登讲话后几分钟内，以色列的袭击仍在继续。");
    expect(member.map((q) => q.speaker)).toEqual(["泽恩·巴斯拉维"]);
    const place = quotesOf("半岛电视台记者金伯利·哈尔凯特在白宫报道说，在拜登任期即将结束之际发布了最新的停火公告。");
    expect(place.map((q) => q.speaker)).toEqual(["金伯利·哈尔凯特"]);
    // …while 现在 holds no preposition: 现在白宫表示 is the White House speaking
    expect(quotesOf("现在白宫表示，拜登政府希望停火能够维持。").map((q) => q.speaker)).toEqual(["白宫"]);
  });

  it("credits no outlet whose report frames the sentence, after the reporting outlet's own mark too", () => {
    // dw/2024/11/08/DW-北京斥10万亿救地方债-能拉动经济吗: the minister speaks (介绍：), CCTV only reported it
    const framed = quotesOf(
      "（德国之声中文网）根据中国央视、新华社等官方媒体的报道，财政部长蓝佛安在当天举行的全国人大常委会第十二次会议新闻发布会上介绍：从2024年开始，中国将连续五年每年从新增地方政府专项债券中安排8000亿元。",
    );
    expect(framed.filter((q) => q.speaker === "央视")).toEqual([]);
    // cna/2024/11/01/CNA-路透-中國研究員以meta模型開發軍用ai工具: the dateline's agency is no source either
    const dateline = quotesOf(
      "（中央社紐約31日綜合外電報導）根據學術論文和分析師的說法，與中國人民解放軍相關的頂尖研究機構已經利用Meta公開的Llama模型。",
    );
    expect(dateline.filter((q) => q.speaker === "中央社")).toEqual([]);
  });

  it.each([
    [
      "dw/2024/11/22/DW-美国总统拜登-对以色列高层发出逮捕令-令人愤慨",
      "美国候任总统特朗普任命的国家安全顾问沃尔兹（Mike Waltz）也为以色列进行了辩护，他承诺将会“在一月份做出强有力的回应”。",
      "沃尔兹",
    ],
    [
      "aj/2024/11/27/AJ-打破常规-特朗普与拜登白宫签署过渡备忘录",
      "尽管如此，特朗普即将上任的幕僚长苏西·威尔斯在周二的一份声明中称这份备忘录是向前迈出的一步。",
      "苏西·威尔斯",
    ],
  ])("credits the holder of a title, not the person in its relative clause (%s)", (_article, text, speaker) => {
    expect(quotesOf(text).map((q) => q.speaker)).toEqual([speaker]);
  });

  it("still credits a subject whose object has 的 (aj: 阿里夫·阿尔维祝贺特朗普的胜利，并补充说)", () => {
    const qs = quotesOf(
      "前巴基斯坦总统阿里夫·阿尔维祝贺特朗普的胜利，并补充说，“自由和公正”的选举让“美国公民实现了他们的梦想”。",
    );
    expect(new Set(qs.map((q) => q.speaker))).toEqual(new Set(["阿里夫·阿尔维"]));
  });

  it("does not read a longer title as the person who holds the shorter one (rfa/2024/11/26/RFA-特朗普宣布上任即對中加墨加關稅…)", () => {
    const qs = quotesOf(
      "美國總統拜登昨日表示，他會全力配合交接。美國總統當選人特朗普表示，會在上任首日即簽署行政命令，對中國貨加徵額外10%關稅。",
    );
    expect(qs.find((q) => q.text.startsWith("會在上任首日"))?.speaker).toBe("特朗普");
  });

  it("reads 其 before a title and a name as possessive (aj/2024/11/22/AJ-韩国称俄罗斯向朝鲜运送导弹以换取军队)", () => {
    const qs = quotesOf(
      "朝鲜外务相崔善姬表示，朝鲜将坚定支持俄罗斯。然而其总统尹锡悦现在表示，韩国可能会改变其长期以来不向冲突国家提供武器的政策。",
    );
    expect(qs.find((q) => q.text.startsWith("韩国可能"))?.speaker).toBe("尹锡悦");
  });

  it("credits a name glossed after a space, whose first character jieba reads as a verb (rfa/2024/11/26/RFA-特朗普宣布上任即對中加墨加關稅…)", () => {
    // 蒙/v 雷亚尔/nr: the clause still opens with its subject
    const qs = quotesOf(
      "墨西哥下議院領袖、執政黨國家復興運動成員蒙雷亞爾 (Ricardo Monreal)在社交媒體X表示，貿易報復只會令人民的荷包受損。",
    );
    expect(qs.map((q) => q.speaker)).toEqual(["蒙雷亞爾"]);
  });

  it("does not credit the central government's view to the Hong Kong government (nyt/2024/11/06/NYT-香港逐步淘汰不达标㓥房-穷人栖身何处)", () => {
    const qs = quotesOf(
      "香港政府昨天表示，將推出新措施處理劏房。北京方面敦促香港政府在2049年前彻底淘汰㓥房，中央政府认为住房短缺是香港在2019年出现反政府动荡的一个原因。",
    );
    expect(qs.filter((q) => q.speaker === "香港政府").map((q) => q.text)).toEqual(["將推出新措施處理劏房"]);
  });

  it("takes no channel after 在…平台 for the speaker (cna/2024/11/06/CNA-日本富士山終於降雪-創歷來最長無雪期紀錄)", () => {
    const qs = quotesOf("日本中部靜岡地區富士市政府在社群平台X發文指出：「這些是今天早上從市政府遠眺的富士山照片。」");
    expect(qs.map((q) => q.speaker)).toEqual([undefined]);
  });

  it("finds the Hong Kong surname 甯, which OpenCC leaves as it is (发展局局长甯汉豪说)", () => {
    // rthk/2024/11/30/RTHK-甯漢豪稱將提交修訂條例草案-令改善海港小型填海工程簡化機制
    const qs = quotesOf("發展局局長甯漢豪說，隨著更多海濱場地逐步開放，維港海邊發展邁向新階段。");
    expect(qs.map((q) => q.speaker)).toEqual(["甯漢豪"]);
  });

  it("credits no organisation with what an unnamed agency of it said (联合国监督机构, 两个联合国机构)", () => {
    // aj/2024/11/22/AJ-在受到国际原子能机构谴责后-伊朗宣称启动-先进-离心机: the UN watchdog is the IAEA, not the UN
    const iaea = quotesOf(
      "据国际原子能机构的检查人员称，联合国监督机构此前曾指出德黑兰附近的两个地点——瓦拉明和图尔库扎巴德——存在加工铀的痕迹。",
    );
    expect(iaea.map((q) => q.speaker)).toEqual(["国际原子能机构"]);
    // aj/2024/11/01/AJ-联合国-冲突引发的饥荒和饥饿致死可能在几个月内降临加沙和苏丹: FAO and WFP, named nowhere here
    const agencies = quotesOf(
      "这两个联合国机构表示，由于帮派暴力，海地持续动荡，再加上经济危机和飓风活动，粮食危机加剧。",
    );
    expect(agencies.filter((q) => q.speaker === "联合国")).toEqual([]);
  });

  it("goes on with the speaker of the sentence before for a quoted sentence in a sentence that names nobody", () => {
    // cna/2024/11/30/CNA-美國黑色星期五蒙關稅陰影-cnn建議先買手機-電動自行車
    const qs = quotesOf(
      "琳希康告訴CNN，在川普的關稅政策下，電動自行車是可能變得更貴的商品之一。最重要的是，「川普不是特別熱衷綠色環保及電動自行車」。",
    );
    expect(qs).toContainEqual({ kind: "direct", text: "川普不是特別熱衷綠色環保及電動自行車", speaker: "琳希康" });
  });

  it.each([
    // rfa/2024/11/06/RFA-美國大選-特朗普重回白宮-港人相信撐港亦以美國利益為先
    [
      "香港中文大學末代學生會副會長羅子維指出，對抗中國的大戰略是美國兩黨共識。不過羅子維形容特朗普是「狂人總統」，除了說會救黎智英，但亦說過台灣搶走美國晶片產業。",
      "狂人總統",
      "羅子維",
    ],
    // dw/2024/11/27/DW-默克尔新书-自由-谈及普京-习近平以及前东德童年 (称其: jieba glues the verb to the pronoun)
    ["《商报》写道，默克尔称其对华政策为“现实主义政策”。", "现实主义政策", "默克尔"],
  ])("gives a speaker's word for something to the speaker: %s", (text, fragment, speaker) => {
    expect(quotesOf(text)).toContainEqual({ kind: "direct", text: fragment, speaker });
  });

  it("reads 称X为Y as naming, not as a report (dw/2024/11/27/DW-默克尔新书-自由-谈及普京-习近平以及前东德童年)", () => {
    expect(quotesOf("《商报》写道，默克尔称其对华政策为“现实主义政策”。").map((q) => q.text)).not.toContain(
      "其对华政策为“现实主义政策”",
    );
  });

  it("credits nobody, not the person named before, with the words of a counted, unnamed subject", () => {
    // cna/2024/11/08/CNA-one-direction成員liam-payne墜樓喪命-阿根廷起訴3人
    const text =
      "路透社報導，31歲的連恩潘恩（Liam Payne）意外身亡震驚全球。連恩潘恩去世當天，一名飯店員工報警時稱連恩潘恩行為具攻擊性，可能受到毒品和酒精的影響。";
    expect(quotesOf(text).filter((q) => q.speaker === "連恩潘恩")).toEqual([]);
    // …but an unnamed official of a named body speaks for it (aj/2024/11/…: 两名欧盟高级别官员称)
    const eu = quotesOf("两名欧盟高级别官员称，这一试点项目也将推广到欧盟清洁能源技术领域的其它补贴计划中。");
    expect(eu.map((q) => q.speaker)).toEqual(["欧盟"]);
  });

  it("takes no indirect quote from a quotation followed by what the speaker did (kyodo/2024/11/08/KYODO-焦点-日本担忧-特朗普外交-努力建立沟通管道, with the full name)", () => {
    const qs = quotesOf(
      "在竞选对手副总统哈里斯承认败选之前，石破茂就向记者称“衷心祝贺特朗普的胜利”，并在X（原推特）上发帖。",
    );
    expect(qs.filter((q) => q.kind === "indirect")).toEqual([]);
    expect(qs).toContainEqual({ kind: "direct", text: "衷心祝贺特朗普的胜利", speaker: "石破茂" });
  });
});
