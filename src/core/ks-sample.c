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
