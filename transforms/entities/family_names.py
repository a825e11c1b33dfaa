"""Names written family name first: `Wang Donghai` is Mr Wang, `Kim Young-sam` is President Kim.

Chinese and Korean names put the family name first, and news writes them so (`Li Peng`, `Lee Teng-hui`, `Kim
Dae-jung`): the name used alone later is the first word of the full name, not its last. These are the most common
romanised Chinese (Hanyu Pinyin and Wade-Giles) and Korean family names; a name that starts a person's full name
links to that person only when it is one of them (`Tony Blair` is never `Tony`).
"""

from functools import cache

_CHINESE = (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang "
    "han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen yao jin "
    "fu zhong cui tan qian qin qiao jia xia shi fang bai zou meng xiong hou lei long duan hao kong shao mao "
    "chang chiang chou chu chung hsu hsieh huang kuo lien soong sung teng tsai tung wong yeh lam tse cheung "
    "leung chan ng lai tsang choi"
)
_KOREAN = "kim lee park choi jung kang cho yoon jang lim shin han oh seo kwon hwang ahn song hong roh chun rhee"


@cache
def _family_names() -> frozenset[str]:
    return frozenset(_CHINESE.split()) | frozenset(_KOREAN.split())


def is_family_name_first(word: str) -> bool:
    """Whether `word` (a name's key: lower case) is a family name that Chinese and Korean names write first."""
    return word in _family_names()
