/* The home page: the menu of every service area in the specification. */
#include "portal.h"

/* Areas whose program is not deployed yet are listed, marked as coming, and
 * not linked, so the menu never leads to an error page. */
static const struct {
    const char *title, *summary, *href;
    int available;
} areas[] = {
    {"业务推介", "全球通、神州行、动感地带三大品牌的特色、资费与服务",
     "/brands/", 1},
    {"手机归属地查询", "输入号码前7位，查询归属省份、城市和品牌", "/lookup", 1},
    {"我的账户", "登录后查看号码、品牌、状态、套餐和余额", "/account", 1},
    {"资讯服务", "公司新闻、行业动态、通信技术、营业网点、合作商家", "/news/",
     0},
    {"业务咨询", "业务目录、国内资费、国际漫游、手机仿真演示", "/consult/", 0},
    {"话费查询", "话费详单、月账单、实时话费、缴费历史、账单邮寄", "/billing/",
     1},
    {"积分查询", "积分总量、积分明细、积分兑换", "/points/", 1},
    {"业务受理",
     "报停、挂失、补卡、业务开通与取消、国际漫游、套餐变更、话费卡充值、"
     "密码修改",
     "/service/", 1},
    {"投诉与建议", "提交投诉或建议，凭受理编号查询处理进度", "/complaints/", 1},
    {"跨区服务", "跨区补卡、跨区积分兑换、国际漫游租机", "/service/", 0},
    {"全球通客户俱乐部", "俱乐部会员服务介绍", "/brands/gotone", 1},
    {"知识库", "常见问题、公告、讨论区与业务培训", "/kb/", 0},
};

int home_page(struct sc_req *req)
{
    sc_dict *d = sc_view(req, "portal/home.tpl", "中国移动网上营业厅");
    for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++) {
        sc_dict *a = sc_section(d, "AREA");
        sc_set(a, "TITLE", areas[i].title);
        sc_set(a, "SUMMARY", areas[i].summary);
        if (areas[i].available) {
            sc_dict *l = sc_section(a, "LINK");
            sc_set(l, "HREF", areas[i].href);
        } else {
            sc_show(a, "SOON");
        }
    }
    return 200;
}
