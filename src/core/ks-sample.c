/* ks-sample.c — the sample portfolio offered on first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The companies are invented. Names, industries, regions and notes are data in the
 * account's own language, so none of it is translated. The ratings are chosen so that,
 * with the default rules, the portfolio fills all four quadrants and all four tiers
 * (tests/test-scoring.c checks it).
 */
#include "config.h"

#include "ks-money.h"
#include "ks-quarter.h"
#include "ks-sample.h"

typedef struct
{
  const char *name;
  const char *industry;
  const char *region;
  const char *owner;
  const char *currency;
  gint64 purchases;               /* annual purchases, in major units */
  double profit_contribution;     /* percent */
  double revenue_share;           /* percent */
  guint8 ratings[KS_N_CRITERIA];  /* scale (3), strategic (3), cooperation (2),
                                   * relationship (3) */
  const char *notes;
} KsSampleAccount;

static const KsSampleAccount sample_accounts[] = {
  {
    "华东精密制造有限公司", "制造业", "华东", "王磊",
    "CNY", 118500000, 9.2, 8.6,
    { 5, 5, 5,  5, 4, 4,  5, 4,  5, 5, 4 },
    "十年老客户，已建立高层季度战略对话机制。",
  },
  {
    "深圳云启科技股份有限公司", "电子", "华南", "李娜",
    "CNY", 86300000, 7.1, 6.2,
    { 5, 4, 4,  5, 5, 4,  5, 5,  4, 4, 4 },
    "联合开发下一代边缘计算方案，CTO 亲自推动。",
  },
  {
    "北京华康医药集团", "医药", "华北", "张伟",
    "CNY", 64200000, 6.4, 4.6,
    { 4, 4, 4,  5, 4, 3,  4, 4,  3, 3, 4 },
    "新院区项目二季度招标，需提前准备整体方案。",
  },
  {
    "成都天府物流有限公司", "物流", "西南", "王磊",
    "CNY", 12800000, 1.1, 0.9,
    { 2, 2, 1,  2, 3, 3,  5, 5,  2, 2, 3 },
    "西南仓网快速扩张，智能分拣需求增长明显。",
  },
  {
    "Northwind Logistics Ltd", "Logistics", "EMEA", "David Miller",
    "EUR", 4650000, 2.6, 2.7,
    { 4, 4, 3,  3, 3, 4,  2, 2,  4, 5, 4 },
    "Stable volumes; framework renewal due in Q3. Offer the warehousing add-on.",
  },
  {
    "Helios Medical GmbH", "Healthcare", "EMEA", "Emily Chen",
    "EUR", 2140000, 1.5, 1.2,
    { 2, 3, 2,  3, 4, 2,  4, 5,  2, 3, 3 },
    "New imaging line launches next year; strong interest in our service bundle.",
  },
  {
    "苏州瑞丰汽车零部件有限公司", "汽车", "华东", "张伟",
    "CNY", 72800000, 5.3, 5.2,
    { 5, 4, 4,  3, 3, 3,  2, 2,  5, 4, 5 },
    "合作稳定，但新能源转型放缓，重点做交叉销售。",
  },
  {
    "广州悦享零售连锁有限公司", "零售", "华南", "李娜",
    "CNY", 3600000, 0.4, 0.3,
    { 1, 1, 1,  2, 1, 2,  2, 1,  2, 2, 2 },
    "门店收缩中，订单以零星补货为主。",
  },
  {
    "杭州绿源食品饮料股份有限公司", "食品饮料", "华东", "王磊",
    "CNY", 38900000, 3.8, 2.8,
    { 4, 4, 3,  3, 3, 2,  4, 3,  4, 3, 4 },
    "华东渠道覆盖好，可复制到华中市场。",
  },
  {
    "重庆山城能源有限公司", "能源", "西南", "张伟",
    "CNY", 9400000, 0.7, 0.7,
    { 2, 1, 1,  2, 2, 1,  2, 2,  3, 2, 2 },
    "付款周期偏长，需关注信用风险。",
  },
  {
    "Brightwater Energy Inc.", "Energy", "North America", "David Miller",
    "USD", 14800000, 7.6, 7.4,
    { 5, 5, 4,  4, 4, 3,  2, 2,  3, 4, 4 },
    "Largest US account. Flat demand; protect the base and push service contracts.",
  },
  {
    "Maple Grove Foods Co.", "Food & beverage", "North America", "Emily Chen",
    "USD", 620000, 0.2, 0.3,
    { 1, 1, 1,  1, 2, 1,  3, 2,  1, 1, 2 },
    "Small trial order; procurement is price-driven.",
  },
  {
    "天津海港供应链管理有限公司", "物流", "华北", "李娜",
    "CNY", 26500000, 2.1, 1.9,
    { 3, 3, 2,  3, 2, 3,  4, 4,  3, 3, 3 },
    "跨境业务增长快，已进入供应商短名单。",
  },
  {
    "武汉光谷半导体股份有限公司", "电子", "华中", "张伟",
    "CNY", 97600000, 8.3, 7.0,
    { 5, 5, 5,  5, 5, 5,  4, 5,  4, 4, 5 },
    "行业标杆客户，可作为案例对外宣传。",
  },
  {
    "Aurora Learning Group", "Education", "APAC", "Emily Chen",
    "USD", 1150000, 0.6, 0.6,
    { 2, 2, 2,  3, 3, 2,  4, 4,  1, 2, 2 },
    "Rolling out a new campus platform across six countries.",
  },
  {
    "南京金陵商业银行", "金融", "华东", "王磊",
    "CNY", 45300000, 6.9, 3.3,
    { 4, 5, 3,  4, 5, 3,  4, 4,  3, 4, 3 },
    "数据合规要求高，合同需逐条审查隐私条款。",
  },
  {
    "Crestline Automotive AG", "Automotive", "EMEA", "David Miller",
    "EUR", 7300000, 4.1, 4.2,
    { 4, 4, 4,  5, 4, 4,  4, 5,  4, 4, 4 },
    "Joint roadmap for the EV platform signed with the CTO.",
  },
  {
    "西安秦川教育科技有限公司", "教育", "西北", "李娜",
    "CNY", 2300000, 0.3, 0.2,
    { 1, 1, 1,  2, 2, 2,  3, 3,  1, 1, 2 },
    "职业教育政策利好，但预算审批慢。",
  },
  {
    "青岛蓝海电子有限公司", "电子", "华北", "张伟",
    "CNY", 18700000, 1.4, 1.4,
    { 3, 3, 2,  2, 2, 3,  2, 2,  4, 3, 4 },
    "老客户，采购量平稳，维护为主。",
  },
  {
    "Harbor Point Retail Ltd", "Retail", "EMEA", "Emily Chen",
    "GBP", 980000, 0.5, 0.6,
    { 2, 2, 2,  2, 1, 3,  2, 2,  3, 2, 3 },
    "Seasonal buyer; review whether KA coverage is still justified.",
  },
  {
    "厦门鹭岛医疗器械有限公司", "医药", "华南", "王磊",
    "CNY", 8600000, 0.9, 0.6,
    { 2, 2, 2,  3, 3, 2,  5, 4,  2, 3, 3 },
    "新产品线获批，明年采购有望翻倍。",
  },
  {
    "Summit Ridge Financial Services", "Finance", "North America", "David Miller",
    "USD", 3900000, 3.5, 2.0,
    { 3, 4, 3,  4, 3, 3,  2, 2,  5, 4, 4 },
    "Long-standing account with a steady renewal; cross-sell analytics.",
  },
  {
    "合肥智行新能源汽车有限公司", "汽车", "华中", "张伟",
    "CNY", 33400000, 2.4, 2.4,
    { 3, 3, 3,  4, 5, 4,  5, 5,  2, 3, 3 },
    "新车型量产在即，需求匹配度高，需加快渗透。",
  },
  {
    "郑州中原食品有限公司", "食品饮料", "华中", "李娜",
    "CNY", 5200000, 0.5, 0.4,
    { 1, 2, 1,  1, 1, 2,  2, 2,  4, 3, 3 },
    "合作多年但规模小，考虑转由渠道伙伴服务。",
  },
  {
    "Pacific Rim Electronics Pte Ltd", "Electronics", "APAC", "Emily Chen",
    "SGD", 5400000, 2.2, 2.1,
    { 3, 3, 3,  3, 4, 4,  4, 5,  3, 3, 3 },
    "Regional hub moving to Singapore; expanding our share of their bill of materials.",
  },
  {
    "昆明云岭制药股份有限公司", "医药", "西南", "王磊",
    "CNY", 56100000, 4.7, 4.1,
    { 4, 4, 4,  4, 3, 3,  2, 2,  4, 4, 4 },
    "核心产品集采降价，利润承压，重点维护关系。",
  },
  {
    "沈阳北方重工机械有限公司", "制造业", "东北", "张伟",
    "CNY", 21300000, 1.2, 1.5,
    { 3, 2, 2,  2, 2, 2,  2, 1,  3, 2, 2 },
    "订单下滑，需重新评估大客户资格。",
  },
  {
    "Kestrel Manufacturing Ltd", "Manufacturing", "EMEA", "David Miller",
    "GBP", 1750000, 1.0, 1.1,
    { 2, 2, 2,  3, 2, 2,  1, 2,  2, 3, 2 },
    "Margins are thin; move to the standard service model.",
  },
  {
    "上海浦江智慧零售有限公司", "零售", "华东", "李娜",
    "CNY", 42600000, 3.9, 3.1,
    { 4, 4, 3,  4, 4, 4,  5, 4,  4, 4, 3 },
    "新零售数字化项目二期启动，高层关系良好。",
  },
  {
    "东莞华南电子科技有限公司", "电子", "华南", "李娜",
    "CNY", 800000, 0.1, 0.1,
    { 1, 1, 1,  1, 1, 1,  4, 3,  1, 1, 1 },
    "初创期客户，需求明确，增长潜力大。",
  },
};

GPtrArray *
ks_sample_create_accounts (void)
{
  GPtrArray *accounts;
  guint i;

  accounts = g_ptr_array_new_full (G_N_ELEMENTS (sample_accounts), g_object_unref);

  for (i = 0; i < G_N_ELEMENTS (sample_accounts); i++)
    {
      const KsSampleAccount *sample = &sample_accounts[i];
      KsAccount *account = ks_account_new ();
      gint64 unit = 1;
      guint exponent;
      guint c;

      for (exponent = ks_currency_get_exponent (sample->currency); exponent > 0; exponent--)
        unit *= 10;

      ks_account_set_name (account, sample->name);
      ks_account_set_industry (account, sample->industry);
      ks_account_set_region (account, sample->region);
      ks_account_set_owner (account, sample->owner);
      ks_account_set_currency (account, sample->currency);
      ks_account_set_annual_purchases (account, sample->purchases * unit);
      ks_account_set_profit_contribution (account, sample->profit_contribution);
      ks_account_set_revenue_share (account, sample->revenue_share);
      ks_account_set_notes (account, sample->notes);

      for (c = 0; c < KS_N_CRITERIA; c++)
        ks_account_set_rating (account, c, sample->ratings[c]);

      g_ptr_array_add (accounts, account);
    }

  return accounts;
}

/* Plans ------------------------------------------------------------------ */

static const char * const product_names[] = {
  "SmartSort 智能分拣",
  "EdgeBox 边缘计算",
  "CloudWMS 仓储云",
  "DataLens 数据分析",
  "CarePlus 维保服务",
  NULL
};

const char * const *
ks_sample_get_product_names (void)
{
  return product_names;
}

/* Which accounts have a plan, and how their year went: revenue actuals as a share of
 * the target per quarter (percent), the same for last year. */
typedef struct
{
  guint  index;
  guint8 this_year[KS_PLAN_N_QUARTERS];
  guint8 last_year[KS_PLAN_N_QUARTERS];
  guint8 margin_target;          /* percent */
  gboolean overdue;              /* one action left overdue */
  KsRiskSeverity risk;           /* its open risk's severity */
  gboolean has_risk;
} SamplePlan;

static const SamplePlan sample_plans[] = {
  { 0, { 104, 98, 101, 0 }, { 96, 102, 99, 108 }, 32, FALSE, KS_RISK_LOW, FALSE },
  { 1, { 92, 110, 87, 0 }, { 88, 95, 101, 97 }, 28, TRUE, KS_RISK_MEDIUM, TRUE },
  { 2, { 95, 71, 78, 0 }, { 90, 93, 97, 99 }, 35, FALSE, KS_RISK_MEDIUM, TRUE },
  { 3, { 118, 124, 131, 0 }, { 99, 105, 112, 115 }, 18, TRUE, KS_RISK_HIGH, TRUE },
  { 4, { 99, 97, 84, 0 }, { 101, 100, 98, 96 }, 24, FALSE, KS_RISK_LOW, TRUE },
  { 6, { 85, 90, 96, 0 }, { 80, 84, 88, 90 }, 30, FALSE, KS_RISK_LOW, FALSE },
  { 8, { 102, 64, 70, 0 }, { 95, 97, 100, 103 }, 26, TRUE, KS_RISK_HIGH, TRUE },
};

typedef struct
{
  const char *zh;
  const char *en;
  int due_days;                  /* from today */
  KsActionStatus status;
  int metric;
} SampleAction;

static const SampleAction sample_actions[] = {
  { "季度业务回顾（QBR）：与采购总监复盘三季度交付", "Quarterly business review with the purchasing director",
    -12, KS_ACTION_OPEN, KS_TARGET_METRIC_REVENUE },
  { "高层拜访：安排我方 VP 与客户 CEO 战略对话", "Executive visit: our VP meets their CEO",
    18, KS_ACTION_IN_PROGRESS, KS_TARGET_METRIC_REVENUE },
  { "提交明年框架协议报价", "Send next year's framework agreement quote",
    -35, KS_ACTION_DONE, KS_TARGET_METRIC_REVENUE },
  { "推介维保服务包，提升产品渗透率", "Present the service package to raise penetration",
    40, KS_ACTION_OPEN, KS_TARGET_METRIC_PENETRATION },
  { "优化物流成本，改善毛利", "Cut logistics cost to lift the margin",
    -20, KS_ACTION_DONE, KS_TARGET_METRIC_GROSS_MARGIN },
  { "联合展会推广（客户取消）", "Joint trade-fair booth (the client withdrew)",
    -60, KS_ACTION_DROPPED, KS_TARGET_METRIC_NEW_BUSINESS },
};

static const char * const swot_zh[KS_N_SWOT_KINDS][2] = {
  { "十年合作，交付口碑好", "技术团队深度嵌入客户研发" },
  { "价格高于本地竞品", "华北服务网点覆盖不足" },
  { "客户新工厂明年投产", "数字化转型预算增加" },
  { "竞品低价抢单", "客户推行供应商多元化" },
};

static const char * const swot_en[KS_N_SWOT_KINDS][2] = {
  { "Ten years of on-time delivery", "Our engineers sit in their design reviews" },
  { "Priced above local rivals", "Thin service coverage in the north" },
  { "A new plant opens next year", "Bigger budget for digital projects" },
  { "A rival is cutting prices", "The client wants a second supplier" },
};

static gboolean
is_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static char *
date_from_today (const GDate *today,
                 int          days)
{
  GDate date = *today;
  char text[16];

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

static void
add_target_year (KsAccountPlan *plan,
                 int            year,
                 KsTargetMetric metric,
                 gint64         quarter_target,
                 const guint8   percent[KS_PLAN_N_QUARTERS],
                 guint          quarters_done)
{
  KsTargetYear entry = { .year = year, .metric = metric };

  for (guint q = 1; q <= KS_PLAN_N_QUARTERS; q++)
    {
      entry.has_target |= 1 << q;
      entry.target[q] = quarter_target;
      if (q <= quarters_done)
        {
          entry.has_actual |= 1 << q;
          entry.actual[q] = quarter_target * percent[q - 1] / 100;
        }
    }
  g_array_append_val (plan->targets, entry);
}

/* Relationships ---------------------------------------------------------- */

static void
date_of (GDateTime *time,
         GDate     *date)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* A contact of the sample: the place in the organisation, and the names in each
 * language (several, so that the accounts do not all have the same people). */
typedef struct
{
  KsContactLayer layer;
  KsAttitude attitude;
  KsInfluence influence;
  int reports_to;                /* the template's index, -1 for nobody */
  int last_contact_days;         /* before today */
  const char *title_zh;
  const char *title_en;
  const char *names_zh[3];
  const char *names_en[3];
} SampleContact;

/* CEO → VP → managers → staff. The first n of them, 3 to 6, are the account's. */
static const SampleContact sample_contacts[] = {
  { KS_LAYER_EXECUTIVE, KS_ATTITUDE_SUPPORTER, KS_INFLUENCE_HIGH, -1, 20,
    "总经理", "Chief Executive Officer",
    { "陈建国", "刘海涛", "黄志明" },
    { "Margaret Hughes", "Robert Klein", "Sarah Whitfield" } },
  { KS_LAYER_DECISION_MAKER, KS_ATTITUDE_CHAMPION, KS_INFLUENCE_HIGH, 0, 12,
    "副总经理（运营）", "VP Operations",
    { "赵敏", "林晓峰", "高原" }, { "James O’Connor", "Laura Bennett", "Daniel Moore" } },
  { KS_LAYER_EXECUTION, KS_ATTITUDE_NEUTRAL, KS_INFLUENCE_MEDIUM, 1, 6,
    "采购经理", "Procurement Manager",
    { "孙磊", "徐斌", "朱琳" }, { "Tom Fischer", "Anna Kowalski", "Peter Lang" } },
  { KS_LAYER_DECISION_MAKER, KS_ATTITUDE_NEUTRAL, KS_INFLUENCE_HIGH, 0, 35,
    "财务总监", "Finance Director",
    { "何静", "罗佳", "杨光" }, { "Helen Carter", "Mark Evans", "Julia Braun" } },
  { KS_LAYER_EXECUTION, KS_ATTITUDE_DETRACTOR, KS_INFLUENCE_MEDIUM, 1, 18,
    "质量经理", "Quality Manager",
    { "周婷", "马超", "郭敏" }, { "Chris Walker", "Nina Patel", "Owen Hughes" } },
  { KS_LAYER_EXECUTION, KS_ATTITUDE_SUPPORTER, KS_INFLUENCE_LOW, 2, 3,
    "采购专员", "Buyer",
    { "吴强", "郑丽", "胡波" }, { "Emma Scott", "Liam Turner", "Sophie Martin" } },
};

typedef struct
{
  KsInteractionKind kind;
  int contacts[2];               /* templates taking part, -1 for none */
  const char *notes_zh;
  const char *notes_en;
  const char *next_zh;
  const char *next_en;
} SampleInteraction;

/* The first is the CEO's, on the day of their last contact; the others follow. */
static const SampleInteraction sample_interactions[] = {
  { KS_INTERACTION_STRATEGIC_DIALOGUE, { 0, 1 },
    "高层战略对话：明年产能规划与联合开发路线图",
    "Executive dialogue: next year's capacity plan and joint roadmap",
    "整理会议纪要，两周内提交联合开发方案",
    "Send the minutes and a joint development proposal within two weeks" },
  { KS_INTERACTION_QBR, { 1, 2 },
    "季度业务回顾：交付准时率 97%，价格条款待议",
    "Quarterly review: 97 % on-time delivery, price terms open",
    "下季度前确认框架协议价格", "Agree the framework prices before next quarter" },
  { KS_INTERACTION_VISIT, { 2, 4 },
    "工厂拜访：现场查看来料检验流程",
    "Plant visit: walked through incoming inspection",
    "安排质量工程师驻厂一周", "Send a quality engineer on site for a week" },
  { KS_INTERACTION_CALL, { 5, -1 },
    "电话沟通补货计划", "Call about the replenishment plan",
    "周五前确认交期", "Confirm delivery dates by Friday" },
};

static const double sample_scores[] = { 8.6, 7.4, 6.8, 8.1, 7.9, 6.2, 8.8, 7.1, 5.9 };

/* The names of the template @t for the account @index. */
static const char *
contact_name (const SampleContact *t,
              guint                index,
              gboolean             zh)
{
  return zh ? t->names_zh[index % G_N_ELEMENTS (t->names_zh)]
            : t->names_en[index % G_N_ELEMENTS (t->names_en)];
}

static char *
email_for (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GString *email = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (*p == ' ')
      g_string_append_c (email, '.');
    else if (g_ascii_isalpha (*p))
      g_string_append_c (email, *p);
  g_string_append (email, "@example.com");

  return g_string_free (email, FALSE);
}

static KsContact *
new_contact (const SampleContact *t,
             guint                index,
             gboolean             zh,
             const GDate         *today,
             int                  last_contact_days)
{
  KsContact *contact = ks_contact_new ();
  const char *name = contact_name (t, index, zh);

  contact->name = g_strdup (name);
  contact->title = g_strdup (zh ? t->title_zh : t->title_en);
  contact->layer = t->layer;
  contact->attitude = t->attitude;
  contact->influence = t->influence;
  contact->phone = zh ? g_strdup_printf ("+86 138 0000 %04u", index * 10 + 1)
                      : g_strdup_printf ("+44 20 7946 %04u", index * 10 + 1);
  contact->email = zh ? g_strdup ("") : email_for (name);
  contact->last_contact = date_from_today (today, -last_contact_days);
  contact->notes = g_strdup ("");

  return contact;
}

static void
add_executive_contact (KsRelations *relations,
                       guint        index,
                       gboolean     zh,
                       const GDate *today)
{
  KsContact *contact = new_contact (&sample_contacts[0], index, zh, today, 10 + index % 30);

  contact->id = 1;
  g_ptr_array_add (relations->contacts, contact);
}

/* @days before @now, at @hour:@minute where the account is, as the store keeps it. */
static char *
time_from_now (GDateTime *now,
               GTimeZone *zone,
               int        days,
               int        hour,
               int        minute)
{
  g_autoptr(GDateTime) there = g_date_time_to_timezone (now, zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (there, -days);
  g_autoptr(GDateTime) time = g_date_time_new (zone, g_date_time_get_year (day),
                                               g_date_time_get_month (day),
                                               g_date_time_get_day_of_month (day),
                                               hour, minute, 0.0);

  return ks_relations_format_date_time (time);
}

static char *
format_later (const char *iso,
              GTimeSpan   span)
{
  g_autoptr(GDateTime) time = ks_relations_parse_date_time (iso);
  g_autoptr(GDateTime) later = g_date_time_add (time, span);

  return ks_relations_format_date_time (later);
}

static void
add_relations (KsRelations *relations,
               guint        index,
               KsAccount   *account,
               gboolean     zh,
               GDateTime   *now,
               const GDate *today)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zh ? "+08:00" : "+00:00");
  guint n_contacts = 3 + index % 4;
  guint n_interactions = 2 + index % 3;
  guint n_surveys = 3 + index % 2;
  /* one account whose executive was last seen over a quarter ago */
  int ceo_days = index == 2 ? 130 : 20 + (int) index;
  int year = g_date_get_year (today);
  int quarter = (g_date_get_month (today) - 1) / 3 + 1;
  const char *owner = ks_account_get_owner (account);
  KsComplaint *complaint;

  /* The contacts are numbered 1, 2, … here; the store gives them their ids. */
  for (guint i = 0; i < n_contacts; i++)
    {
      const SampleContact *t = &sample_contacts[i];
      KsContact *contact = new_contact (t, index, zh, today,
                                        i == 0 ? ceo_days : t->last_contact_days);

      contact->id = i + 1;
      contact->reports_to = t->reports_to >= 0 ? t->reports_to + 1 : 0;
      g_ptr_array_add (relations->contacts, contact);
    }

  for (guint i = 0; i < n_interactions; i++)
    {
      const SampleInteraction *t = &sample_interactions[i];
      KsInteraction *interaction = ks_interaction_new ();

      interaction->kind = t->kind;
      interaction->date = date_from_today (today, i == 0 ? -ceo_days : -(int) (9 + i * 25));
      for (guint c = 0; c < G_N_ELEMENTS (t->contacts); c++)
        {
          /* someone the account has, else its procurement manager (3), once */
          gint64 id = (guint) t->contacts[c] < n_contacts ? t->contacts[c] + 1 : 3;
          gboolean listed = FALSE;

          for (guint k = 0; k < interaction->contact_ids->len; k++)
            listed |= g_array_index (interaction->contact_ids, gint64, k) == id;
          if (t->contacts[c] >= 0 && !listed)
            g_array_append_val (interaction->contact_ids, id);
        }
      interaction->our_participants = zh ? g_strdup_printf ("%s、销售副总裁", owner)
                                         : g_strdup_printf ("%s, our VP Sales", owner);
      interaction->notes = g_strdup (zh ? t->notes_zh : t->notes_en);
      interaction->next_step = g_strdup (zh ? t->next_zh : t->next_en);
      g_ptr_array_add (relations->interactions, interaction);
    }

  /* the quarters before this one, newest first, drifting a little */
  for (guint i = 0; i < n_surveys; i++)
    {
      KsSatisfaction *survey = g_new0 (KsSatisfaction, 1);
      int q = quarter - 1 - (int) i;
      int y = year;
      double score = sample_scores[index % G_N_ELEMENTS (sample_scores)] - 0.3 * (i % 3)
                     + 0.2 * (i / 3);

      while (q < 1)
        {
          q += 4;
          y--;
        }
      survey->quarter = ks_quarter_format (y, q);
      survey->score = CLAMP (score, 0.0, KS_SATISFACTION_MAX);
      survey->has_nps = i % 2 == 0;
      survey->nps = survey->has_nps ? (int) (score * 10) - 40 : 0;
      g_ptr_array_add (relations->satisfaction, survey);
    }

  /* A complaint closed the whole way round: answered, resolved, followed up. */
  complaint = ks_complaint_new ();
  complaint->category = index % KS_N_COMPLAINT_CATEGORIES;
  complaint->opened_at = time_from_now (now, zone, 50 + (int) index, 10, 15);
  complaint->description = g_strdup (zh ? "一批货物外包装破损，客户要求退换"
                                        : "A shipment arrived with crushed cartons");
  complaint->owner = g_strdup (owner);
  /* one answered late, to show the rule */
  complaint->first_response_at = format_later (complaint->opened_at,
                                               (index == 3 ? 30 : 5) * G_TIME_SPAN_HOUR);
  complaint->root_cause = g_strdup (zh ? "承运商装卸不规范"
                                       : "The carrier stacked the pallets");
  complaint->resolution = g_strdup (zh ? "补发货物，更换承运商并加固包装"
                                       : "Replaced the goods, changed carrier, stronger cartons");
  complaint->follow_up_at = format_later (complaint->opened_at, 10 * G_TIME_SPAN_DAY);
  complaint->follow_up_satisfaction = index % 2 ? 4 : 5;
  complaint->closed_at = format_later (complaint->opened_at, 12 * G_TIME_SPAN_DAY);
  g_ptr_array_add (relations->complaints, complaint);

  /* Some open ones: one past its 24 hours, one still within them, one answered and
   * waiting for its follow-up visit. */
  if (index == 1 || index == 3 || index == 8)
    {
      g_autoptr(GDateTime) opened = g_date_time_add_hours (now, index == 1 ? -30
                                                                : index == 3 ? -6 : -96);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (opened, zone);
      g_autoptr(GDateTime) minute = g_date_time_add_seconds (there,
                                                             -g_date_time_get_seconds (there));

      complaint = ks_complaint_new ();
      complaint->category = index == 3 ? KS_COMPLAINT_DELIVERY : KS_COMPLAINT_PRODUCT_QUALITY;
      complaint->opened_at = ks_relations_format_date_time (minute);
      complaint->description = g_strdup (zh ? (index == 3 ? "交货比约定晚了三天"
                                                          : "新批次产品尺寸超差")
                                            : "Three days late against the agreed date");
      complaint->owner = g_strdup (owner);
      if (index == 8)
        {
          complaint->first_response_at = format_later (complaint->opened_at,
                                                        3 * G_TIME_SPAN_HOUR);
          complaint->root_cause = g_strdup (zh ? "模具磨损未及时更换" : "A worn mould");
        }
      g_ptr_array_add (relations->complaints, complaint);
    }
}

KsAccountPlan *
ks_sample_create_plan (guint        index,
                       KsAccount   *account,
                       GDateTime   *now,
                       GPtrArray   *products)
{
  const SamplePlan *sample = NULL;
  KsAccountPlan *plan;
  gboolean zh;
  int year;
  guint quarter;
  gint64 quarter_revenue;
  GDate today_date;
  const GDate *today = &today_date;

  g_return_val_if_fail (KS_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (products != NULL, NULL);

  date_of (now, &today_date);
  zh = is_chinese (ks_account_get_name (account));

  for (guint i = 0; i < G_N_ELEMENTS (sample_plans); i++)
    if (sample_plans[i].index == index)
      sample = &sample_plans[i];
  if (sample == NULL)
    {
      KsTier tier = ks_account_get_tier (account);

      /* The key accounts without a plan have met an executive lately. */
      if (tier != KS_TIER_CORE && tier != KS_TIER_KEY)
        return NULL;
      plan = ks_account_plan_new (ks_account_get_id (account));
      add_executive_contact (plan->relations, index, zh, today);
      return plan;
    }

  year = g_date_get_year (today);
  quarter = (g_date_get_month (today) - 1) / 3 + 1;
  plan = ks_account_plan_new (ks_account_get_id (account));
  g_free (plan->credit_rating);
  plan->credit_rating = g_strdup (sample->has_risk && sample->risk == KS_RISK_HIGH ? "BB"
                                  : index % 2 ? "A" : "AA");

  /* This year's targets are a tenth above last year's purchases; the quarters before
   * today's have actuals. */
  quarter_revenue = ks_account_get_annual_purchases (account) * 11 / 40;
  add_target_year (plan, year - 1, KS_TARGET_METRIC_REVENUE, quarter_revenue * 10 / 11,
                   sample->last_year, KS_PLAN_N_QUARTERS);
  add_target_year (plan, year, KS_TARGET_METRIC_REVENUE, quarter_revenue,
                   sample->this_year, quarter - 1);
  {
    const guint8 margin[KS_PLAN_N_QUARTERS] = { 97, 101, 94, 100 };

    add_target_year (plan, year, KS_TARGET_METRIC_GROSS_MARGIN,
                     sample->margin_target * KS_PLAN_PERCENT_SCALE, margin, quarter - 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (sample_actions); i++)
    {
      const SampleAction *template = &sample_actions[i];
      KsAction *action = ks_action_new ();

      action->title = g_strdup (zh ? template->zh : template->en);
      action->owner = g_strdup (ks_account_get_owner (account));
      action->due = date_from_today (today, template->due_days);
      action->status = template->status;
      /* Only some accounts let the first action slip. */
      if (i == 0 && !sample->overdue)
        action->status = KS_ACTION_DONE;
      action->metric = template->metric;
      g_ptr_array_add (plan->actions, action);
    }

  for (guint k = 0; k < KS_N_SWOT_KINDS; k++)
    for (guint i = 0; i < 2; i++)
      {
        KsSwotItem *item = g_new0 (KsSwotItem, 1);

        item->kind = k;
        item->position = (int) i;
        item->text = g_strdup (zh ? swot_zh[k][i] : swot_en[k][i]);
        g_ptr_array_add (plan->swot, item);
      }

  if (sample->has_risk)
    {
      KsRisk *risk = ks_risk_new ();

      risk->category = sample->risk == KS_RISK_HIGH ? KS_RISK_PAYMENT_BEHAVIOUR
                                                   : KS_RISK_CONCENTRATION;
      risk->severity = sample->risk;
      g_free (risk->raised);
      risk->raised = date_from_today (today, -25);
      risk->description = g_strdup (zh ? (sample->risk == KS_RISK_HIGH
                                          ? "回款周期从 60 天延长到 110 天"
                                          : "采购量集中在单一产品线")
                                       : (sample->risk == KS_RISK_HIGH
                                          ? "Payments now take 110 days instead of 60"
                                          : "Purchases rest on one product line"));
      risk->contingency = g_strdup (zh ? "缩短账期，新订单预付 30%；每周跟进回款"
                                       : "Shorter terms, 30 % prepayment on new orders");
      g_ptr_array_add (plan->risks, risk);
    }

  for (guint i = 0; i < products->len; i++)
    {
      const KsProduct *product = g_ptr_array_index (products, i);
      KsWhitespace *cell = ks_whitespace_new ();

      cell->product_id = product->id;
      switch ((index + i) % 4)
        {
        case 0:
          cell->state = KS_WHITESPACE_CURRENT;
          break;
        case 1:
          cell->state = KS_WHITESPACE_OPPORTUNITY;
          cell->kind = KS_OPPORTUNITY_CROSS_SELL;
          cell->value = ks_account_get_annual_purchases (account) / 10;
          cell->quarter = g_strdup_printf ("%d-Q%u", quarter == 4 ? year + 1 : year,
                                           quarter == 4 ? 1 : quarter + 1);
          break;
        case 2:
          cell->state = KS_WHITESPACE_OPPORTUNITY;
          cell->kind = KS_OPPORTUNITY_UP_SELL;
          cell->value = ks_account_get_annual_purchases (account) / 20;
          cell->quarter = g_strdup_printf ("%d-Q%u", year + 1, 2u);
          break;
        default:
          cell->state = KS_WHITESPACE_NOT_RELEVANT;
          break;
        }
      g_ptr_array_add (plan->whitespace, cell);
    }

  add_relations (plan->relations, index, account, zh, now, today);

  return plan;
}

/* Contracts ---------------------------------------------------------------- */

/* A date left empty in a sample contract. */
#define NO_DATE G_MININT

/* How one item of the built-in checklist was reviewed; the text is its msgid (an
 * item the user's template no longer has is skipped). */
typedef struct
{
  const char   *text;
  KsCheckState  state;
  const char   *note;
} SampleCheck;

/* A sample contract, in its account's language. Dates are days from today. The first
 * @reviewed_items items of the checklist are in @default_state, the rest pending; then
 * @checks say how some items came out. */
typedef struct
{
  guint             index;
  KsContractStatus  status;
  const char       *title;
  const char       *number;
  gint64            value;           /* major units of the account's currency */
  int               start_days;
  int               end_days;
  int               notice_days;
  KsCheckState      default_state;
  guint             reviewed_items;
  int               reviewed_days;   /* before today */
  const char       *reviewer;
  const char       *notes;
  SampleCheck       checks[5];
} SampleContract;

static const SampleContract sample_contracts[] = {
  {
    0, KS_CONTRACT_SIGNED, "三年期框架采购协议", "HD-FA-017", 120000000,
    -1020, 75, 45, KS_CHECK_OK, G_MAXUINT, 1030, "法务部 周敏",
    "到期前需书面通知是否续约；客户希望续约时加入维保服务包。",
    {
      { "Renewal terms and notice date", KS_CHECK_OK,
        "到期前 30 天未书面通知不续约则自动续约一年" },
      { "PIPL: impact assessment before cross-border transfer", KS_CHECK_NOT_APPLICABLE,
        "数据存储于境内，不涉及出境" },
      { "PIPL: cross-border transfer mechanism (standard contract, security assessment "
        "or certification)", KS_CHECK_NOT_APPLICABLE, "数据存储于境内，不涉及出境" },
      { "GDPR: processing terms and transfer safeguards where relevant",
        KS_CHECK_NOT_APPLICABLE, "不涉及欧盟个人数据" },
    },
  },
  {
    1, KS_CONTRACT_SIGNED, "边缘计算平台联合开发协议", "YQ-JD-003", 8600000,
    -120, 610, 520, KS_CHECK_OK, G_MAXUINT, 125, "法务部 周敏",
    "CTO 亲自推动；知识产权条款签约后仍有分歧，需补充协议。",
    {
      { "Ownership of improvements", KS_CHECK_ISSUE,
        "客户要求改进成果归其独有，与我方平台路线冲突，需签补充协议" },
      { "Liability cap not below the contract value", KS_CHECK_ISSUE,
        "责任上限仅为合同金额的 50%，低于公司标准" },
      { "Price adjustment", KS_CHECK_PENDING, NULL },
      { "PIPL: cross-border transfer mechanism (standard contract, security assessment "
        "or certification)", KS_CHECK_NOT_APPLICABLE, "数据不出境" },
      { "GDPR: processing terms and transfer safeguards where relevant",
        KS_CHECK_NOT_APPLICABLE, "不涉及欧盟个人数据" },
    },
  },
  {
    2, KS_CONTRACT_IN_REVIEW, "新院区智能物流系统采购合同", "HK-PO-112", 15800000,
    30, 1125, 1035, KS_CHECK_OK, 5, 6, "法务部 陈静",
    "客户法务审阅中，预计两周内反馈。",
    {
      { "PIPL: separate consent for sensitive personal information", KS_CHECK_ISSUE,
        "系统会处理患者健康信息，合同缺少单独同意条款，已提交客户法务" },
      { "Breach notification within 72 hours", KS_CHECK_OK, "已写入附件三第 4 条" },
      { "GDPR: processing terms and transfer safeguards where relevant",
        KS_CHECK_NOT_APPLICABLE, "不涉及欧盟个人数据" },
    },
  },
  {
    3, KS_CONTRACT_DRAFT, "智能分拣设备采购合同（草案）", "", 3200000,
    NO_DATE, NO_DATE, NO_DATE, KS_CHECK_PENDING, 0, 0, NULL,
    "等待客户确认设备清单后出正式稿。",
    { { NULL } },
  },
  {
    4, KS_CONTRACT_SIGNED, "Framework Services Agreement", "NW-FSA-01",
    4650000, -1000, 80, 20, KS_CHECK_OK, G_MAXUINT, 1010, "Sarah Klein",
    "Renewal talks start this quarter; offer the warehousing add-on.",
    {
      { "GDPR: processing terms and transfer safeguards where relevant", KS_CHECK_OK,
        "DPA signed as Annex 4; standard contractual clauses for transfers" },
      { "Renewal terms and notice date", KS_CHECK_OK,
        "Renews for two years unless notice is given 60 days before the end" },
      { "PIPL: lawful basis for processing personal information", KS_CHECK_NOT_APPLICABLE,
        "No personal information from China is processed" },
      { "PIPL: separate consent for sensitive personal information",
        KS_CHECK_NOT_APPLICABLE, "No personal information from China is processed" },
      { "PIPL: impact assessment before cross-border transfer", KS_CHECK_NOT_APPLICABLE,
        "No personal information from China is processed" },
    },
  },
  {
    6, KS_CONTRACT_EXPIRED, "年度零部件供货合同", "RF-SC-008", 68000000,
    -405, -40, -100, KS_CHECK_OK, G_MAXUINT, 410, "法务部 周敏",
    "已到期，新一年度合同谈判中。",
    { { NULL } },
  },
};

/* The date @days from today, or NULL for NO_DATE. */
static char *
sample_date (const GDate *today,
             int          days)
{
  return days == NO_DATE ? NULL : date_from_today (today, days);
}

void
ks_sample_add_contracts (KsAccountPlan *plan,
                         guint          index,
                         KsAccount     *account,
                         GDateTime     *now,
                         GPtrArray     *template)
{
  GDate today;

  g_return_if_fail (plan != NULL && plan->contracts != NULL);
  g_return_if_fail (KS_IS_ACCOUNT (account));
  g_return_if_fail (now != NULL);
  g_return_if_fail (template != NULL);

  date_of (now, &today);
  for (guint i = 0; i < G_N_ELEMENTS (sample_contracts); i++)
    {
      const SampleContract *sample = &sample_contracts[i];
      KsContract *contract;
      gint64 value = sample->value;

      if (sample->index != index)
        continue;

      contract = ks_contract_new ();
      contract->account_id = ks_account_get_id (account);
      contract->title = g_strdup (sample->title);
      contract->number = g_strdup (sample->number);
      g_free (contract->currency);
      contract->currency = g_strdup (ks_account_get_currency (account));
      for (guint e = ks_currency_get_exponent (contract->currency); e > 0; e--)
        value *= 10;
      contract->value = value;
      contract->start = sample_date (&today, sample->start_days);
      contract->end = sample_date (&today, sample->end_days);
      contract->renewal_notice = sample_date (&today, sample->notice_days);
      contract->status = sample->status;
      contract->notes = g_strdup (sample->notes);

      ks_contract_add_template_items (contract, template);
      for (guint j = 0; j < contract->items->len; j++)
        {
          KsContractItem *item = g_ptr_array_index (contract->items, j);

          item->state = j < sample->reviewed_items ? sample->default_state
                                                   : KS_CHECK_PENDING;
          for (guint k = 0; k < G_N_ELEMENTS (sample->checks); k++)
            if (sample->checks[k].text != NULL
                && g_strcmp0 (sample->checks[k].text, item->text) == 0)
              {
                item->state = sample->checks[k].state;
                item->note = g_strdup (sample->checks[k].note);
              }
          if (item->state != KS_CHECK_PENDING)
            {
              item->reviewer = g_strdup (sample->reviewer);
              item->reviewed = date_from_today (&today, -sample->reviewed_days);
            }
        }

      g_ptr_array_add (plan->contracts, contract);
    }
}

/* The team -------------------------------------------------------------------- */

#include "ks-team.h"

/* The owners of the sample accounts: 王磊 mentors 李娜 and 张伟, David Miller mentors
 * Emily Chen. */
static const KsSampleMember sample_members[] = {
  { "王磊", "高级大客户经理", NULL,
    "负责华东、西南核心客户，团队内部导师。" },
  { "李娜", "大客户经理", "王磊",
    "华南区域客户多，关系维护好，价格谈判需加强。" },
  { "张伟", "大客户经理", "王磊",
    "华北、华中客户较多，需提升客户分析深度。" },
  { "David Miller", "Senior Key Account Manager", NULL,
    "Covers EMEA and North America; mentors Emily." },
  { "Emily Chen", "Key Account Manager", "David Miller",
    "Healthcare and APAC accounts; strong on service bundles." },
};

const KsSampleMember *
ks_sample_get_members (guint *n_members)
{
  g_return_val_if_fail (n_members != NULL, NULL);

  *n_members = G_N_ELEMENTS (sample_members);
  return sample_members;
}

typedef struct
{
  KsCoachingActionKind kind;
  const char *title;               /* NULL ends the list */
  int due_days;                    /* from today */
  KsActionStatus status;
} SampleCoachingAction;

typedef struct
{
  KsSessionKind kind;
  const char *notes;               /* NULL ends the list */
  int days;                        /* from today */
  int rating;
  const char *next_step;
} SampleCoachingSession;

typedef struct
{
  const char *member;
  KsSkill skill;
  int start_level;
  int current_level;
  int target_level;
  const char *objective;
  int start_days;                  /* from today */
  int due_days;
  KsCoachingStatus status;
  const char *coach;
  SampleCoachingAction actions[5];
  SampleCoachingSession sessions[4];
} SampleCoachingPlan;

static const SampleCoachingPlan sample_coaching_plans[] = {
  {
    "李娜", KS_SKILL_NEGOTIATION, 2, 3, 4,
    "独立主导年度框架协议谈判，守住 25% 的毛利底线。",
    -75, 75, KS_COACHING_ACTIVE, "王磊",
    {
      { KS_COACHING_ACTION_TRAINING, "参加《双赢谈判》两天工作坊", -50, KS_ACTION_DONE },
      { KS_COACHING_ACTION_ROLE_PLAY, "与王磊演练价格异议处理（三轮）", -20, KS_ACTION_DONE },
      /* the overdue one */
      { KS_COACHING_ACTION_SHADOWING, "旁听杭州绿源年度续约谈判", -6, KS_ACTION_OPEN },
      { KS_COACHING_ACTION_READING, "阅读《谈判力》并在周会分享要点", 21,
        KS_ACTION_IN_PROGRESS },
    },
    {
      { KS_SESSION_JOINT_VISIT, "陪同拜访广州悦享采购总监，主导了付款条件的讨论。", -4, 4,
        "整理谈判记录，准备下次辅导" },
      { KS_SESSION_ROLE_PLAY, "价格异议应对明显进步，让步节奏仍偏快。", -18, 4,
        "准备三档让步方案" },
      { KS_SESSION_ONE_ON_ONE, "确定辅导目标：先守价格，再谈账期。", -45, 3,
        "完成工作坊后一起复盘" },
    },
  },
  {
    "张伟", KS_SKILL_CUSTOMER_ANALYSIS, 2, 3, 4,
    "为每个核心客户完成一页纸客户分析：业务、决策链、痛点。",
    -60, 60, KS_COACHING_ACTIVE, "王磊",
    {
      { KS_COACHING_ACTION_TRAINING, "客户价值分析方法培训", -40, KS_ACTION_DONE },
      { KS_COACHING_ACTION_READING, "研读武汉光谷半导体年报与行业报告", -15, KS_ACTION_DONE },
      { KS_COACHING_ACTION_ROTATION, "到方案部轮岗两周", 30, KS_ACTION_OPEN },
    },
    {
      { KS_SESSION_REVIEW, "武汉光谷的客户分析结构清晰，决策链还缺财务线。", -10, 4,
        "补齐财务总监的关注点" },
    },
  },
  {
    "Emily Chen", KS_SKILL_SOLUTION_DESIGN, 2, 3, 4,
    "Shape the Helios imaging-line bid as one solution, not a price list.",
    -40, 80, KS_COACHING_ACTIVE, "David Miller",
    {
      { KS_COACHING_ACTION_SHADOWING, "Shadow David at the Crestline EV platform workshop",
        -25, KS_ACTION_DONE },
      { KS_COACHING_ACTION_ROLE_PLAY, "Rehearse the solution pitch with the presales team", 10,
        KS_ACTION_IN_PROGRESS },
      { KS_COACHING_ACTION_TRAINING, "Solution selling course (online, six modules)", 35,
        KS_ACTION_OPEN },
    },
    {
      { KS_SESSION_JOINT_VISIT, "Ran the discovery meeting at Helios well; quoted too early.",
        -8, 4, "Hold pricing until the second meeting" },
      { KS_SESSION_ONE_ON_ONE, "Agreed the objective: lead with the customer's outcomes.", -30,
        3, "Draft the value map for Helios" },
    },
  },
  {
    "Emily Chen", KS_SKILL_RESOURCE_COORDINATION, 2, 3, 3,
    "Get service and logistics to commit to one delivery plan for Pacific Rim.",
    -200, -30, KS_COACHING_ACHIEVED, "David Miller",
    {
      { KS_COACHING_ACTION_ROTATION, "Two weeks with the service planning team", -120,
        KS_ACTION_DONE },
      { KS_COACHING_ACTION_TRAINING, "Cross-functional planning workshop", -90, KS_ACTION_DONE },
      { KS_COACHING_ACTION_READING, "Read the internal escalation guide", -100,
        KS_ACTION_DROPPED },
    },
    {
      { KS_SESSION_REVIEW, "Pacific Rim delivery plan signed off by service and logistics.",
        -35, 5, "Share the plan template with the team" },
    },
  },
};

GPtrArray *
ks_sample_create_coaching_plans (const char *name,
                                 GDateTime  *now)
{
  GPtrArray *plans;
  GDate today;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_coaching_plan_free);
  date_of (now, &today);

  for (guint i = 0; i < G_N_ELEMENTS (sample_coaching_plans); i++)
    {
      const SampleCoachingPlan *sample = &sample_coaching_plans[i];
      KsCoachingPlan *plan;

      if (!g_str_equal (sample->member, name))
        continue;

      plan = ks_coaching_plan_new ();
      plan->skill = sample->skill;
      plan->start_level = sample->start_level;
      plan->current_level = sample->current_level;
      plan->target_level = sample->target_level;
      g_free (plan->objective);
      plan->objective = g_strdup (sample->objective);
      plan->start = date_from_today (&today, sample->start_days);
      plan->due = date_from_today (&today, sample->due_days);
      plan->status = sample->status;
      g_free (plan->coach);
      plan->coach = g_strdup (sample->coach);

      for (guint j = 0; j < G_N_ELEMENTS (sample->actions) && sample->actions[j].title; j++)
        {
          KsCoachingAction *action = ks_coaching_action_new ();

          action->kind = sample->actions[j].kind;
          g_free (action->title);
          action->title = g_strdup (sample->actions[j].title);
          action->due = date_from_today (&today, sample->actions[j].due_days);
          action->status = sample->actions[j].status;
          g_ptr_array_add (plan->actions, action);
        }
      for (guint j = 0; j < G_N_ELEMENTS (sample->sessions) && sample->sessions[j].notes; j++)
        {
          KsCoachingSession *session = ks_coaching_session_new ();

          session->kind = sample->sessions[j].kind;
          session->date = date_from_today (&today, sample->sessions[j].days);
          session->rating = sample->sessions[j].rating;
          g_free (session->notes);
          session->notes = g_strdup (sample->sessions[j].notes);
          g_free (session->next_step);
          session->next_step = g_strdup (sample->sessions[j].next_step);
          g_ptr_array_add (plan->sessions, session);
        }

      g_ptr_array_add (plans, plan);
    }

  return plans;
}
