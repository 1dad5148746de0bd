import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../../ingest/graph/assemble-graph.ts";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { extractArticle } from "../../../ingest/extract-article.ts";
import { findMeetings, joinable } from "../../../ingest/meetings/find-meetings.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";
import { sentenceArticle } from "../../_helpers.ts";

/** Meetings of a text published on the given day, with attendees' first forms. */
function meetingsOf(text: string, published: string) {
  const s = simplifyText(text);
  const entities = chainMentions(text, s);
  return findMeetings(text, s, published, entities).map((m) => ({
    date: m.date,
    location: m.location,
    status: m.status,
    forms: m.forms,
    attendees: m.attendees.map((a) => entities.find((e) => e.id === a.entity)?.forms[0]),
    roles: m.attendees.map((a) => a.role),
    kind: m.kind,
  }));
}

describe("findMeetings", () => {
  it.each([
    // seed 004 (VOA, published Wednesday 2022-01-12)
    [
      "星期三(1月12日)",
      "俄罗斯和北约官员星期三(1月12日)在布鲁塞尔举行了会议，重点讨论如何缓解边境地区的危险局势。",
      "2022-01-12",
      "2022-01-12",
      "Brussels",
    ],
    ["星期四 (the next day)", "欧洲安全与合作组织星期四在维也纳开会。", "2022-01-12", "2022-01-13", "Vienna"],
    [
      "星期一 in an earlier clause",
      "星期一，美国和俄罗斯外交官在日内瓦举行了双边会谈，双方会谈后都表示没有取得重大进展。",
      "2022-01-12",
      "2022-01-10",
      "Geneva",
    ],
    // seed 002 (DW, published 2022-01-10): 9日
    [
      "9日",
      "美国副国务卿谢尔曼（Wendy Sherman）在9日也已於日内瓦和里亚布科夫会面。",
      "2022-01-10",
      "2022-01-09",
      "Geneva",
    ],
  ])("dates and places a meeting from %s", (_form, text, published, date, location) => {
    const [m] = meetingsOf(text, published);
    expect(m).toMatchObject({ date, location });
  });

  it("keeps no date when the text gives none, rather than a wrong one", () => {
    const [m] = meetingsOf("美国和俄罗斯外交官在日内瓦举行了会谈，双方都表示没有取得重大进展。", "2022-01-12");
    expect(m).toMatchObject({ location: "Geneva" });
    expect(m!.date).toBeUndefined();
  });

  it("dates the meeting held before the talks, not the talks (seed 001: 周日在正式会谈开始前…先期会面)", () => {
    const ms = meetingsOf(
      "周日在正式会谈开始前，美国副国务卿温迪·谢尔曼同俄罗斯副外长谢尔盖·里亚布科夫在日内瓦先期会面。",
      "2022-01-10",
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]!.forms.join()).toContain("先期会面");
    expect(ms[0]!.date).toBe("2022-01-09");
  });

  it("takes attendees from a caption listing people (seed 004)", () => {
    const [m] = meetingsOf(
      "2022年1月12日，从左二起，美国副国务卿谢尔曼、北约秘书长斯托尔滕贝格、俄罗斯副外长格鲁什科与副防长福明在举行北约-俄罗斯会谈前合影。",
      "2022-01-12",
    );
    expect(m!.attendees).toEqual(expect.arrayContaining(["谢尔曼", "斯托尔滕贝格", "格鲁什科", "福明"]));
  });

  it("marks who chaired (seed 000: 由…拉乌主持)", () => {
    const [m] = meetingsOf(
      "当天俄罗斯同欧安组织在维也纳的会谈，由欧安组织新任轮值主席国波兰外交部长兹比格涅夫·拉乌（Zbigniew Rau）主持，欧安组织成员国代表等出席。",
      "2022-01-14",
    );
    expect(m!.roles[m!.attendees.indexOf("兹比格涅夫·拉乌")]).toBe("chair");
  });

  it("does not take a reporter of the meeting for an attendee (seed 004: 佩斯科夫表示，在日内瓦举行的…会谈)", () => {
    const [m] = meetingsOf(
      "克里姆林宫发言人佩斯科夫(Dmitry Peskov)表示，在日内瓦举行的第一天会谈是“开放、全面和直接的”。",
      "2022-01-12",
    );
    expect(m?.attendees ?? []).not.toContain("佩斯科夫");
  });

  it.each([
    // aj/2024/11/01/AJ-乌克兰再次喊话盟友…: a named event with no date, and its speaker attends
    [
      "a named event, 在…会议上",
      "乌克兰外交部长安德烈·西比加在蒙特利尔和平会议上发表讲话时表示，朝鲜部署军队构成了战争的真正升级。",
      "蒙特利尔和平会议",
      ["安德烈·西比加"],
    ],
    // nhk/2024/11/08/NHK-日本政府认定东北大学…: 在…会议后
    ["在…会议后", "日本文部科学大臣阿部俊子在内阁会议后的记者招待会上宣布了这一消息。", "内阁会议", ["阿部俊子"]],
    // kyodo/2024/11/07/KYODO-日本10月经济形势报告…: 会上 refers back to the meeting, and its people attended
    [
      "会上",
      "日本财务省在7日的全国财务局长会议上公布了10月经济形势报告。会上财务相加藤胜信认为日本经济迎来了摆脱通缩的机会。",
      "全国财务局长会议",
      ["加藤胜信"],
    ],
  ])("finds %s", (_what, text, form, attendees) => {
    const ms = meetingsOf(text, "2024-11-08");
    const m = ms.find((x) => x.forms.some((f) => f.includes(form)));
    expect(m, `no meeting ${form}`).toBeDefined();
    expect(m!.attendees).toEqual(expect.arrayContaining(attendees));
  });

  it("takes no one named inside a quotation for an attendee (cna/2024/11/20/CNA-委內瑞拉爭議…)", () => {
    const ms = meetingsOf(
      "目前正在巴西參加20國集團（G20）會議的美國國務卿布林肯（Anthony Blinken）在社群平台X發文指出：「委內瑞拉人民的表態擲地有聲，使得龔薩雷茲（Edmundo Gonzalez）成為總統當選人。」",
      "2024-11-20",
    );
    const g20 = ms.find((m) => m.forms.some((f) => f.includes("G20")));
    expect(g20?.attendees).toContain("布林肯");
    expect(g20?.attendees).not.toContain("龔薩雷茲");
  });

  it.each([
    [
      "cna/2024/11/02/CNA-中國擴大免簽國家範圍-包括韓國挪威等9國",
      "中國國家主席習近平1日會見到訪的斯洛伐克總理費佐（Robert Fico）時，宣布中方決定給予斯洛伐克公民免簽。",
      ["習近平", "費佐"],
    ],
    [
      "aj/2024/11/05/AJ-普京会见朝鲜外务相与基辅警告朝鲜将部署军队",
      "俄罗斯总统弗拉基米尔·普京在克里姆林宫会见了朝鲜外务相崔善姬。",
      ["弗拉基米尔·普京", "崔善姬"],
    ],
    [
      "aj/2024/11/26/AJ-重大转变-美国总统乔-拜登如何改变人们对年龄的看法 (caption)",
      "11月19日，美国总统乔·拜登在巴西里约热内卢与土耳其总统雷杰普·塔伊普·埃尔多安交谈 (路透)",
      ["乔·拜登", "雷杰普·塔伊普·埃尔多安"],
    ],
  ])("takes both people of 会见 and 交谈 for attendees (%s)", (_article, text, people) => {
    const [m] = meetingsOf(text, "2024-11-20");
    expect(m?.attendees).toEqual(people);
  });

  it("takes no organisation named …会议 for a meeting (aj/2024/11/08/AJ-中国有何计划打破美国对台湾及周边岛屿的包围圈)", () => {
    const ms = meetingsOf(
      "中国经济的稳定与海上贸易密切相关，联合国贸易和发展会议（UNCTAD）的估计表明，全球贸易量约80%是通过海上运输。",
      "2024-11-20",
    );
    expect(ms).toEqual([]);
  });

  it("takes the two people named last in the paragraph for 两位领导人 (nyt/2024/11/21/NYT-在普京看来-特朗普将带领美国走向崩溃)", () => {
    const [call] = meetingsOf(
      "美国的大选结果在莫斯科引发了热烈反响。普京总统在表示祝贺时似乎由衷地感到高兴。但这并非因为特朗普被视为亲俄政客。据报道，两位领导人之间的首次通话（克里姆林宫对此予以否认）表明，即将上任的政府也不会任他们摆布。",
      "2024-11-21",
    );
    expect(call?.attendees.sort()).toEqual(["普京", "特朗普"]);
    // the Kremlin in the aside denies the call; it is not where the call took place
    expect(call?.location).toBeUndefined();
  });

  it("takes no pair for 两人 when someone unnamed speaks in between (cna/2024/11/20/CNA-黎智英受審談蘋果創刊…)", () => {
    const ms = meetingsOf(
      "至於前香港總督彭定康的關係上，黎智英說，兩人在香港主權移交後曾經見面。他說，在朋友介紹下認識了羅傑斯，兩人曾在倫敦見面。",
      "2024-11-20",
    );
    const london = ms.find((m) => m.location === "London");
    expect(london?.attendees ?? []).toEqual([]);
  });

  it("takes the person a pronoun stands for when a time word comes between (cna/2024/11/05/CNA-泰國將成立委員會…)", () => {
    const ms = meetingsOf(
      "泰國總理貝東塔（Paetongtarn Shinawatra）在今天的內閣會議後對記者表示，她昨天和執政聯盟的各黨派代表會面，大家都指出泰方和柬埔寨方都同意。",
      "2024-11-05",
    );
    const met = ms.find((m) => m.date === "2024-11-04");
    expect(met?.attendees).toEqual(["貝東塔"]);
  });

  it("takes no one for 他们 (aj/2024/11/04/AJ-中国小型生产商对特朗普的关税计划感到苦恼: 他们未来可能会面临)", () => {
    const ms = meetingsOf(
      "分析师吴家明表示，对于依赖美国市场的中国公司而言，他们未来可能会面临很大的压力。",
      "2024-11-04",
    );
    expect(ms.flatMap((m) => m.attendees)).toEqual([]);
  });

  it("does not take who speaks before a meeting for an attendee (seed 004: 在星期三的会谈之前对记者说)", () => {
    const ms = meetingsOf(
      "美国驻北约大使史密斯(Julianne Smith)在星期三的会谈之前对记者说，北约致力于外交。",
      "2022-01-12",
    );
    expect(ms.flatMap((m) => m.attendees)).not.toContain("史密斯");
  });

  it("finds a visit with its visitor (aj/2024/11/22/AJ-在受到国际原子能机构谴责后…)", () => {
    const ms = meetingsOf(
      "国际原子能机构总干事拉斐尔·格罗西在上周访问德黑兰时表示，他在检查方面取得了一些进展。",
      "2024-11-22",
    );
    const visit = ms.find((m) => m.forms.some((f) => f.includes("访问德黑兰")));
    expect(visit).toMatchObject({ location: "Tehran" });
    expect(visit!.attendees).toContain("拉斐尔·格罗西");
  });

  it("keeps two meetings of one day apart when their people differ (aj, 2024-11-29: 金正恩会见别洛乌索夫; 朔尔茨与泽连斯基通电话)", () => {
    const ms = meetingsOf(
      "据朝中社报道，金正恩周五在平壤会见俄罗斯国防部长安德烈·别洛乌索夫。德国总理奥拉夫·朔尔茨在社交平台X上表示，周五，他与泽连斯基通电话时，保证德国将继续提供支持。",
      "2024-11-30",
    );
    expect(ms.map((m) => m.attendees.sort())).toEqual([
      ["安德烈·别洛乌索夫", "金正恩"],
      ["奥拉夫·朔尔茨", "泽连斯基"],
    ]);
  });

  it("keeps a phone call apart from the face-to-face talks agreed in it (kyodo/2024/11/08/KYODO-焦点-日本担忧-特朗普外交…)", () => {
    const ms = meetingsOf(
      "7日上午在官邸，石破结束与特朗普的首次电话会谈后，向记者团强调谈得很好。石破与特朗普仅就“尽快”面对面会谈达成一致。",
      "2024-11-08",
    );
    expect(ms.map((m) => m.kind)).toEqual(["call", "talks"]);
  });

  it("keeps a plenary session apart from the summit talks its speaker mentions (nhk/2024/11/30/NHK-石破茂首相在国会发表施政演说)", () => {
    const ms = meetingsOf(
      "日本首相石破茂11月29日下午在国会参众两院全体会议上发表了施政演说。关于日中关系，鉴于他与中国国家主席习近平不久前举行的首脑会谈，石破表示将在各个层面进行沟通。",
      "2024-11-30",
    );
    expect(ms.map((m) => [m.kind, m.attendees.sort()])).toEqual([
      ["plenary session", ["石破茂"]],
      ["talks", ["习近平", "石破茂"]],
    ]);
  });

  it("keeps a summit of an organisation apart from the talks held at it (kyodo/2024/11/21/KYODO-石破结束南美之行回国…)", () => {
    const ms = meetingsOf(
      "日本首相石破茂21日结束对南美秘鲁和巴西的访问。石破在秘鲁和巴西分别出席亚太经合组织（APEC）和二十国集团（G20）首脑会议，还与中国国家主席习近平举行会谈。",
      "2024-11-21",
    );
    expect(ms.map((m) => m.kind).sort()).toEqual(["summit", "talks"]);
  });

  it("keeps meetings of two different organisations apart (亞太經濟合作會議 and G20峰會 in one CNA report)", () => {
    expect(joinable({ kind: "summit", parties: ["APEC"] }, { kind: "summit", parties: ["G20"] })).toBe(false);
    expect(joinable({ kind: "summit", parties: ["NATO"] }, { kind: "meeting", parties: ["NATO–Russia Council"] })).toBe(
      true,
    );
  });

  it("keeps two talks apart that share one person and differ in the other (石破与习近平, 石破与斯塔默)", () => {
    expect(joinable({ kind: "talks" }, { kind: "talks" }, false, ["石破", "习近平"], ["石破", "斯塔默"])).toBe(false);
    expect(joinable({ kind: "talks" }, { kind: "talks" }, false, ["石破", "习近平"], ["石破"])).toBe(true);
  });

  it("takes one speaker's press conference for no meeting (aj/2024/11/07/AJ-亚洲在特朗普胜选后准备应对联盟和贸易中断, caption)", () => {
    const ms = meetingsOf(
      "中国外交部发言人毛宁于2024年8月19日在北京外交部新闻发布会上发表讲话（美联社）",
      "2024-11-10",
    );
    expect(ms).toEqual([]);
  });

  it.each([
    [
      "kyodo/2024/11/21/KYODO-石破结束南美之行回国…",
      "日本首相石破茂21日回国。石破原本摸索从南美回国途中与美国候任总统特朗普举行会谈，但特朗普方面告知由于法律制约不与任何国家会谈，因而此事作罢。",
    ],
    ["rfa/2024/11/20/RFA-黎智英出庭剖析國際聯繫…", "黎智英說，他與特朗普二人從未見面。"],
    ["aj/2024/11/29/AJ-特朗普特使凯洛格打算如何结束俄乌战争", "佩斯科夫告诉记者，普京没有与特朗普交谈的具体计划。"],
  ])("marks a meeting its clause denies as not held (%s)", (_article, text) => {
    const [m] = meetingsOf(text, "2024-11-20");
    expect(m?.status).toBe("not held");
  });

  it("takes no dateline day for a meeting put in the past (rfa/2024/11/20/RFA-黎智英出庭剖析國際聯繫…: 二人曾相約在倫敦會面)", () => {
    const [m] = meetingsOf(
      "（中央社記者台北19日電）黎表示，有可能是透過朋友認識，二人曾相約在倫敦會面。",
      "2024-11-19",
    );
    expect(m?.location).toBe("London");
    expect(m?.date).toBeUndefined();
  });

  it("takes no visit asked for (kyodo: 呼吁特朗普访问广岛)", () => {
    const ms = meetingsOf("日本被团协呼吁美国当选总统特朗普访问广岛，了解原子弹爆炸的实际情况。", "2024-11-08");
    expect(ms).toEqual([]);
  });

  it("finds no 会面 inside 不会面临 (aj/2024/11/07/AJ-复仇-政府-特朗普再执政四年意味着什么)", () => {
    expect(meetingsOf("弗兰茨说，特朗普不会面临来自自己政党的任何阻力。", "2024-11-07")).toEqual([]);
  });

  it("takes no date, place or attendee from a dateline (cna/2024/11/21: 中共中央經濟工作會議預計於12月舉行)", () => {
    const [m] = meetingsOf(
      "（中央社記者吳柏緯上海21日電）中共中央經濟工作會議預計於12月舉行，外媒報導指出，官方的經濟顧問、學者將在會議上提出建議。",
      "2024-11-21",
    );
    expect(m).toMatchObject({ date: undefined, location: undefined, status: "planned", attendees: [] });
  });

  it("does not read a lawmaker (立法会议员) as a session", () => {
    expect(meetingsOf("新民党立法会议员周三表示支持有关修订。", "2024-11-08")).toEqual([]);
  });

  it("keeps a planned meeting as planned", () => {
    const [m] = meetingsOf("美国和俄罗斯周一（10日）将於瑞士日内瓦就乌克兰议题进行安全会谈。", "2022-01-10");
    expect(m).toMatchObject({ date: "2022-01-10", location: "Geneva", status: "planned" });
  });
});

describe("meetings across articles", () => {
  const build = (texts: [string, string][]) => {
    const { graph } = assembleGraph(texts.map(([t, p]) => extractArticle(sentenceArticle(t, p))));
    return graph.filterNodes((_k, a) => a["label"] === "Meeting").map((k) => graph.getNodeAttributes(k));
  };

  it("joins one meeting reported by two outlets (same date and city)", () => {
    const ms = build([
      ["俄罗斯和北约官员星期三(1月12日)在布鲁塞尔举行了会议，重点讨论如何缓解边境地区的危险局势。", "2022-01-12"],
      ["俄罗斯又于1月12日在比利时首都布鲁塞尔的北约总部举行2019以来首次俄罗斯-北约理事会会议。", "2022-01-14"],
    ]);
    expect(ms).toHaveLength(1);
  });

  it("keeps two meetings of one day apart when nothing ties them (two calls with one leader)", () => {
    const ms = build([
      ["日本首相石破茂7日与美国当选总统特朗普通电话，双方同意加强同盟。", "2024-11-08"],
      ["乌克兰总统泽连斯基7日与美国当选总统特朗普通电话，讨论战争局势。", "2024-11-08"],
    ]);
    expect(ms).toHaveLength(2);
  });

  it("keeps two meetings of one day in different cities apart", () => {
    const ms = build([
      ["美俄1月10日在日内瓦举行会谈。", "2022-01-11"],
      ["中俄1月10日在北京举行会谈。", "2022-01-11"],
    ]);
    expect(ms).toHaveLength(2);
  });
});
