"""What the HTML tests share: a news page with its article text and the parse call for one page."""

from transforms.parse.html import parse_html

# A news page as sites serve it: Open Graph and article meta, a canonical link, navigation and a footer of
# links, a link inside a sentence, and an article of some 200 words
PARAGRAPHS = [
    "BAMAKO (AFP) - Fifty-three soldiers and one civilian were killed in an attack on a military base in "
    "northern Mali on Friday, the government said, one of the deadliest assaults on the army in years.",
    "The attack in Indelimane, in the Menaka region near the border with Niger, began at midday when gunmen "
    "on motorbikes and in pick-up trucks overran the outpost, according to two security sources.",
    "Turner #39;s government said it would send reinforcements to the region on Saturday and declared three "
    "days of national mourning. Ten survivors were found by a patrol sent from the regional capital.",
    "No group has yet claimed responsibility, but jihadists linked to al Qaeda and the Islamic State operate "
    "across the region, where attacks have grown more frequent since 2015 despite the presence of thousands "
    "of United Nations peacekeepers and French troops.",
    "The base had been attacked before, in September, when a coordinated assault on two posts killed 38 "
    "soldiers. Analysts say the army is stretched thin across a vast desert territory with few roads.",
]
PAGE = f"""<!doctype html><html lang="en"><head><title>Mali army base attack kills 53 | Wire</title>
<meta property="og:title" content="Mali army base attack kills 53">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-04T10:00:00+01:00">
<link rel="canonical" href="https://example.com/mali"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Mali army base attack kills 53</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1].replace("Menaka region", '<a href="/menaka">Menaka region</a>')}</p>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
<p>{PARAGRAPHS[4]}</p></article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> Copyright Wire</footer></body></html>"""
BODY = "\n\n".join(PARAGRAPHS).replace("Turner #39;s", "Turner's")


def parse(data: bytes, source_uri: str = "/in/page.html", named: bool = False) -> dict:
    (record,) = parse_html(data, source_uri=source_uri, source_name="wire", named=named)
    return record
