"""Known page furniture, credits and captions, as outlets really print them, in several languages.

Each rule here was written from a line an outlet really uses; `tests/unit/test_furniture.py`
holds those lines. A line is removed from an article only when one of these rules knows it.
"""

from __future__ import annotations

import re

# Lines that are furniture whatever their position: site chrome, share rows, prompts, ad slots.
# Compared lower case, with surrounding punctuation and spaces stripped.
EXACT = frozenset(
    """
    skip to main content|skip to content|skip links|skip to navigation|skip to footer|menu|
    search|search query|submit search|show search|sign in|log in|login|register|subscribe|
    sign up|subscribe now|account|my news|more|live|newsletters|newsletter|donate|languages|
    follow us|share|share this|share this article|republish|republish this article|share on|
    paid content|sponsored content|artikelrechte erwerben|leave a comment|
    share full article|share this story|
    save|saved|print|print this page|email|e-mail|facebook|x|twitter|reddit|linkedin|pinterest|
    flipboard|whatsapp|telegram|wechat|weibo|line|kakaotalk|copy link|copy link copied|
    link copied|link copied!|copied|give|gift|gift this article|comments|comment|
    log in to write comments|join the discussion|read more|read less|see more|show more|
    load more|advertisement|advertising|ad|sponsored|sponsored content|skip advertisement|
    supported by|story continues below advertisement|scroll to continue with content|
    continue reading|video player|video playerclose|video ad feedback|ad feedback|
    listen to this article|listen to this story|listen to article|listen|font size|text size|
    resize|zoom|audio|watch|play|pause|close|open|back to top|top|home|privacy settings|
    cookie settings|manage cookies|accept cookies|accept all|accept|i accept|reject all|
    manage or reject cookies|yes, i’m happy|yes, i'm happy|accept and close|accept and continue|
    show purposes|manage preferences|agree|i agree|ok|got it|today's paper|today’s paper|
    section navigation|navigation menu|weekly edition|the world in brief|explore the edition|
    reuse this content|purchase licensing rights|suggested topics|see full web article|
    sign up here|sign up here.|rm block|you've reached the end|you’ve reached the end|
    opinions|opinion|story|related|highlights|key points|in brief|summary|add to myft|save article|
    keywords|tags|topics|related topics|read next|up next|recommended|most read|most viewed|
    most popular|popular|trending|top stories|latest|latest news|latest stories|
    editor's picks|editor’s picks|more stories|more news|more on this story|other articles|
    related articles|related article|related stories|related coverage|related content|
    related news|see also|read also|also read|you may also like|you might also like|
    what to read next|explore more|explore more on these topics|more from|search trends|
    contribute|contribuer|partager|s’abonner|s'abonner|se connecter|lire plus tard|
    offrir l’article|offrir l'article|article réservé aux abonnés|réutiliser ce contenu|
    lire aussi|accepter et continuer|paramétrer les cookies|teilen|abonnieren|anmelden|
    mehr zum thema|lesen sie auch|anhören|artikel anhören|kommentare|compartir|suscríbete|
    leer más|publicidad|condividi|pubblicità|подписаться|поделиться|все новости|реклама|
    читать также|читайте также|комментарии|공유|댓글|인쇄|글자크기조정|글자크기|스크랩|
    좋아요|구독|관련 뉴스|관련뉴스|관련기사|관련 기사|많이 본 뉴스|기자 페이지|기사 공유|
    シェア|ツイート|関連記事|関連ニュース|広告|印刷|分享|相关新闻|相关阅读|广告|打印|
    photo|video|photos|videos|gallery|image|watch live|watch now|
    toggle caption|hide caption|playlist|download|embed|transcript|bookmark|loader|feedback|
    share via|close extra sharing options|copy link url|read later|e-paper|join us|
    log in/register|sign in/register|spin the wheel now|get whatsapp alerts|
    japanese version|korean version|chinese version|read in korean|read in japanese|
    browse today's tags|browse today’s tags|saber más|enviar por email|enviar por e-mail|
    anzeige|zur merkliste hinzufügen|link kopieren|weitere optionen zum teilen|
    artikel verschenken|diskutieren sie mit|x.com|passer la publicité|écouter cet article|
    ecouter cet article|[앵커]|[리포트]|[앵커 멘트]|[기자]|◀ 앵커 ▶|◀ 리포트 ▶|◀ 앵커 ▶|
    글씨크기|글씨 크게보기|공유하기|100자평|후원하기|로그인|ログイン|ログインする|有料会員登録|
    [会員限定記事]|会員限定記事|有料記事|写真・図版|小字号|大字号|分享让更多人看到|
    сообщить об опечатке|поддержите нас|підтримайте нас|visual stories|article information|
    기사 정보|字級|字级|列印|シェアする|この記事を読む|closed|mailto|daily quiz|weekly quiz|
    news quiz|take the quiz|copy url|leave your feedback|read the full transcript|
    watch the full episode|support provided by|learn more|your email address|your e-mail address|
    email address|enter your email|in this article|visit website|fotos|photos:|
    saved to read later|save to read later|normal text size|larger text size|
    very large text size|show comments|hide comments|view comments|load comments|
    inscreva-se|assine|entrar|북마크|글자 크기 조절|글자크기 조절|有料会員記事|
    有料会員限定記事|материал дополняется|
    новость дополняется|open this photo in gallery|enlarge this image|
    view image in fullscreen|click to enlarge|tap to expand|zusammenfassen|공감|본문 요약봇|
    기사원문|요약봇|구독하기|pick 안내|언론사 구독|추천|
    """.replace("\n", "").split("|")
)
EXACT = frozenset(item.strip().strip("[]【】") for item in EXACT if item.strip())

LIST_HEADS = frozenset(
    """
    related|related articles|related article|related stories|related coverage|related content|
    related news|related topics|more on this story|more stories|more news|most read|most viewed|
    most popular|popular|trending|top stories|latest|latest news|latest stories|editor's picks|
    editor’s picks|recommended|read next|up next|what to read next|you may also like|
    you might also like|explore more|explore more on these topics|more from|search trends|
    keywords|tags|topics|suggested topics|other articles|all news|все новости|관련 뉴스|
    관련뉴스|관련기사|관련 기사|많이 본 뉴스|関連記事|関連ニュース|相关新闻|相关阅读|
    read also|read more|see also|also read|lire aussi|mehr zum thema|lesen sie auch|
    читайте также|читать также|notes|footnotes|references|authors|about the authors|
    about the author|más información|leer más|te puede interesar|lo más visto|
    noticias relacionadas|à lire aussi|sur le même sujet|les plus lus|dans la même rubrique|
    das könnte sie auch interessieren|meistgelesen|похожие новости|по теме|
    관련 기사|많이 본 기사|추천 기사|related topics|more on this topic|read more on|
    more to read|more commentaries|related posts|related videos|more news from|más noticias|
    la rédaction vous conseille|что было до этого|推荐阅读|相关报道|おすすめ記事|
    이 시각 주요뉴스|많이 본 뉴스|visual stories|관련 기사 더 보기|가장 많이 읽은 기사|
    смотрите также|daily quiz|weekly quiz|news quiz|take the quiz|in this article|in|
    延伸閱讀|延伸阅读|相關新聞|相關文章|注目ワード|lees ook|ook interessant|meer over dit onderwerp|
    あわせて読みたい|こちらもおすすめ|related content|lee también|lea también|
    keep reading|how does this make you feel?|themen|schlagworte|kapcsolódó cikkek|kapcsolódó|
    související články|související|aiheeseen liittyvät|lue myös|ilgili haberler|
    relaterade artiklar|läs också|relaterte saker|les også|gerelateerde artikelen|
    powiązane artykuły|czytaj także|czytaj też|citește și|pročitajte još|
    how does this story make you feel?|lesen sie mehr über|mehr über|mehr zu|
    leggi anche|vedi anche|articoli correlati|potrebbe interessarti|devamını oku|
    ilgili haberler|zobacz też|zobacz także|читайте також|related links|more headlines|
    اقرأ أيضا|اقرأ أيضاً|berita terkait|artikel terkait|
    read more about|passend zum artikel|zum thema|dazu passend|weitere artikel|
    اقرأ أيضاً|اقرأ أيضا|اقرأ ايضا|إقرأ أيضاً|إقرأ أيضا|مقالات ذات صلة|أخبار ذات صلة|ذات صلة|
    الأكثر قراءة|tin liên quan|đọc thêm|xem thêm|tin cùng chuyên mục|tin mới nhất|
    baca juga|berita terkait|artikel terkait|terpopuler|populer|czytaj więcej|
    przeczytaj także|zobacz także|zobacz też|leia também|leia mais|veja também|
    saiba mais|relacionadas|lire la suite|à voir aussi|vea también|más leídas|
    lo más leído|קראו גם|διαβάστε επίσης|читайте також|notícias relacionadas|
    matérias relacionadas|leia mais|artigos relacionados|
    اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط|بیشتر بخوانید|بیشتر بخوانید:|پربازدیدترین|پربیننده‌ترین|
    متعلقہ خبریں|مزید پڑھیں|यह भी पढ़ें|ये भी पढ़ें|संबंधित खबरें|ข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|
    habari zinazohusiana|soma pia|habari zaidi|ұқсас жаңалықтар|тағы оқыңыз|
    povezane vesti|povezane vijesti|повезане вести|pročitajte još|прочитајте још|
    свързани новини|още по темата|articole similare|citește și|σχετικά άρθρα|כתבות נוספות
    """.replace("\n", "").split("|")
)
LIST_HEADS = frozenset(item.strip() for item in LIST_HEADS if item.strip())
INSETS = frozenset(
    "read also|read more|see also|also read|lire aussi|à lire aussi|mehr zum thema|"
    "lesen sie auch|читайте также|читать также|más noticias|te puede interesar|"
    "noticias relacionadas|lee también|lea también|lees ook|notícias relacionadas|leia também|"
    "veja também|baca juga|czytaj także|xem thêm|leggi anche|vedi anche|devamını oku|"
    "zobacz też|zobacz także|читайте також|اقرأ أيضا|اقرأ أيضاً".split("|")
)
"""List heads that sit between body paragraphs (`Read also` + one link) rather than end them."""

TAIL_HEADS = frozenset(
    """
    tag|tags|tagi|topic|topics|tópicos|tópico|temas|tema|themen|thema|thema's|onderwerpen|
    argomenti|sujets|thèmes|mots-clés|etiketler|konular|etiket|теги|тэги|темы|теми|мітки|
    タグ|キーワード|标签|標籤|关键词|關鍵詞|태그|키워드|مواضيع|الوسوم|كلمات مفتاحية|topik|
    region / country|region|country|related search terms|related links|related stories|
    topics in this article|more headlines|more stories|also in the news|reader comments|
    readers' comments|readers’ comments|comments|comment|kommentare|commentaires|comentarios|
    comentários|commenti|reacties|yorumlar|komentarze|комментарии|коментарі|댓글|コメント|
    评论|評論|التعليقات|komentar|author|authors|about the author|written by|contacts|
    contact|media contact|press contact|media contacts|press contacts|for media inquiries|
    leggi anche|vedi anche|potrebbe interessarti|articoli correlati|ti potrebbe interessare|
    devamını oku|ilgili haberler|bunlar da ilginizi çekebilir|zobacz też|zobacz także|
    читайте также|читайте також|по теме|на тему|関連記事|相關新聞|相关新闻|관련기사|
    اقرأ أيضا|اقرأ أيضاً|baca juga|berita terkait|artikel terkait|lees ook|lees meer|
    lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|das könnte sie interessieren|
    lee también|lea también|te puede interesar|leia também|veja também|saiba mais|
    support our journalism|support us|support independent journalism|donate|
    leave a reply|leave a comment|post a comment|share this article|share|follow us|
    read in app|print|advertisement|anzeige|publicidad|publicité|pubblicità|реклама|광고|
    advertentie|reklama|iklan|إعلان|広告|广告|sponsored|werbung|
    نظر شما|نظرات|دیدگاه‌ها|دیدگاه ها|اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط|برچسب‌ها|برچسب ها|
    کلیدواژه‌ها|کلید واژه ها|تبلیغات|تبصرے|متعلقہ خبریں|टिप्पणियाँ|टैग|संबंधित खबरें|
    ความคิดเห็น|แท็ก|ข่าวที่เกี่ยวข้อง|maoni|habari zinazohusiana|tagi|lebo|
    тегтер|пікірлер|ұқсас жаңалықтар|tagovi|oznake|komentari|коментари|ознаке|тагови|
    povezane vesti|повезане вести|етикети|коментари|свързани новини|etichete|comentarii|
    ετικέτες|σχόλια|תגיות|תגובות|teglar|izohlar|bình luận|thẻ
    """.replace("\n", "").split("|")
)
TAIL_HEADS = frozenset(item.strip() for item in TAIL_HEADS if item.strip())
"""The heads of the boxes a page puts under a story (tags, topics, comments, related links,
an author's box, contacts, an appeal, an advert's label), in the languages we read: under
the story's last sentence, each opens the page's tail (`plain._tail_start`). Persian, Urdu,
Hindi, Thai, Swahili, Kazakh, Serbian, Bulgarian, Romanian, Greek and Hebrew heads were written
from those outlets' pages (`نظر شما`, `برچسب‌ها`, `ความคิดเห็น`, `Habari zinazohusiana`)."""

_RIGHTS_ANY = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|\ball rights reserved\b|riproduzione riservata|"
    r"tous droits réservés|todos los derechos reservados|todos os direitos reservados|"
    r"alle rechte vorbehalten|все права защищены|усі права захищені|wszelkie prawa zastrzeżone|"
    r"tüm hakları saklıdır|alle rechten voorbehouden|hak cipta dilindungi|"
    r"무단\s*전재|版權所有|版权所有|不得轉載|不得转载|無断転載|جميع الحقوق محفوظة|"
    # `کلیه حقوق این سایت ... محفوظ است` (Persian), Urdu, Hindi, Thai, Kazakh, Serbian,
    # Croatian, Swahili, Romanian, Czech, Bulgarian, Greek, Hebrew, Vietnamese
    r"(?:کلیه|تمامی|همه|تمام)\s+(?:ی\s+)?حقوق.{0,120}(?:محفوظ|متعلق به)|حقوق\s+.{0,60}محفوظ است|"
    r"جملہ حقوق محفوظ|सर्वाधिकार सुरक्षित|สงวนลิขสิทธิ์|барлық құқықтар қорғалған|"
    r"sva prava (?:zadržana|pridržana)|сва права задржана|haki zote zimehifadhiwa|"
    r"toate drepturile rezervate|všechna práva vyhrazena|всички права запазени|"
    r"με την επιφύλαξη παντός δικαιώματος|כל הזכויות שמורות|bản quyền thuộc về",
    re.I,
)


_RIGHTS_KEYS = ("©", "ⓒ", "(c)", "right", "riserv", "réserv", "reserv", "vorbehalten", "защищ",
                "захищ", "zastrze", "saklı", "hak cipta", "전재", "版權", "版权", "轉載", "转载",
                "転載", "الحقوق", "حقوق", "सर्वाधिकार", "ลิขสิทธิ์", "құқықтар", "prava", "права",
                "haki zote", "rezervate", "vyhrazena", "запазени", "δικαιώματος", "הזכויות",
                "bản quyền")  # fmt: skip
"""A cheap first test before the pattern: what every rights line has in it."""


def is_rights(text: str) -> bool:
    """A rights line of any outlet, in many languages (`Riproduzione riservata`, `GoodNews
    paper ⓒ 국민일보`, `KOCIS. All rights reserved.`): short, and says its rights."""
    if len(text) >= 200:
        return False
    low = text.lower()
    return any(map(low.__contains__, _RIGHTS_KEYS)) and bool(_RIGHTS_ANY.search(text))


_STARTS = re.compile(
    r"^(?:skip to |skip links|listen to this|share on |share this|sign up for|sign up to|"
    # newsletter prompts in other languages: `Suscribite a nuestro newsletter`, `Ingresá tu
    # correo`, `Inscreva-se na nossa newsletter`, `Abonnez-vous à notre lettre`
    r"suscr[ií]bete a |suscribite a |ingres[aá] tu (?:correo|e-?mail)|suscribirme$|"
    r"inscreva-se (?:na|em)|assine (?:a|nossa) newsletter|abonnez-vous à |inscrivez-vous à |"
    r"iscriviti alla |melden sie sich (?:für|zum) |abonnieren sie (?:den|unseren) |"
    r"zapisz się (?:do|na) |přihlaste se k odběru|"
    r"presented by |sponsored by |brought to you by |a message from .{2,40}:$|"
    r"get latest .{2,60} news along with|you can also highlight the text|"
    r"if you (?:find|spot|notice) an? (?:error|mistake|typo)|\(read the article in \w+\.?\)|"
    r"subscribe to|subscribe for|subscribe now|follow us|follow the topics|follow on|"
    r"download the app|get the app|read the full article|read the full story|click here|"
    r"view this email|view in (?:your |a )?(?:web )?browser|view (?:it )?online\b|"
    r"view this post (?:on the web|in (?:your )?browser)|"
    r"thanks for reading .{1,60}[!.]\s*subscribe|subscribe for free to receive|"
    r"unsubscribe|manage my email|you received this email|"
    r"you are receiving this|you're receiving this|we'll be back in your inbox|"
    r"we’ll be back in your inbox|this email was sent|forward this email|"
    r"try unlimited access|then £|then \$|unlock the editor|enjoying this article|"
    r"exclusive news, data and analytics|our standards:|message:\s*[\"“]|"
    r"send us (?:your )?feedback|give feedback|read more about\s*:|support us\b|"
    r"【纠错】|【责任编辑|责任编辑\s*[:：]|\[责任编辑|编辑\s*[:：]|来源\s*[:：]|"
    # the desk's sign-offs under a Chinese story: proofreader, editors, producers
    r"[【\[]?(?:校对|校對|审核|審核|审校|審校|责编|責編|責任編輯|編輯|编审|編審|监制|監製|"
    r"美编|美編|终审|終審|初审|初審|二审|二審|三审|三審|值班编辑|值班編輯)\s*[:：]|"
    r"ключевые слова\s*:|подпишитесь на |nhkのサイトを離れます|comments are closed|"
    r"if this (?:e-?mail|message|newsletter) (?:is not|does not|doesn't|isn't) display|"
    r"this e-mail was sent|unofficial translation$|insights from [\w .,&'’-]{2,80}$|"
    r"personal message\s*:|this (?:message|e-?mail) was sent to you|permalink\b|"
    r"comments will be moderated|keep comments relevant|"
    r"this (?:column|article|piece|op-ed|commentary) (?:reflects|represents|does not necessarily)"
    r" [\w ]{0,30}(?:views|opinions?)|ask [\w .-]{2,20} about this article|"
    r"thanks for reading[.!,]|\[editor\s*:|follow [\w .'’-]{2,40} on google news|"
    r"add [\w .&'’-]{2,30} (?:on|to) google|add [\w .&'’-]{2,30} as a preferred source|"
    r"retrieved from [\"“]?https?://|categories\s*:|this page was last edited|"
    r"(?:text|content) is available under the creative commons|"
    r"(?:notice: )?transcripts? (?:are|is) (?:machine|computer|automatically)|"
    r"this article appeared in|this article originally appeared|this article was originally|"
    r"a version of this article appears|appeared in the .{0,40}print edition|"
    r"from the .{0,30}edition|"
    r"discover stories from this section|order reprints|"
    r"why you can trust|sent from my |get outlook for|"
    r"\(?copyright|all rights reserved|©|ⓒ|\(c\)\s|\[ⓒ|<저작권자|저작권자|\[\s*저작권자|무단 전재|"
    # A Korean newsletter's footer: `수신을 원하지 않으시면 여기를 클릭하세요.`
    r"수신을 원하지 않으시면|수신 거부|이 기사를 메일로 보낸 분|"
    r"keywords:|tags:|topics:|related:|filed under:|#[^\W\d]|"
    # the keyword row in other languages: `Klíčová slova: KLDR, Čína`, `Từ khóa:`
    r"klíčová slova\s*:|kľúčové slová\s*:|słowa kluczowe\s*:|palabras clave\s*:|"
    r"mots[- ]clés\s*:|schlagwörter\s*:|stichwörter\s*:|parole chiave\s*:|"
    r"palavras[- ]chave\s*:|trefwoorden\s*:|kata kunci\s*:|từ khóa\s*:|temas\s*:|"
    r"etiquetas\s*:|tagi\s*:|štítky\s*:|címkék\s*:|anahtar kelimeler\s*:|"
    r"الكلمات المفتاحية\s*:|الوسوم\s*:|"
    r"제보는|이 기사 주소|기사 주소|기자 페이지|"
    r"lire aussi\s*\||read also\s*\||see also\s*:|read more\s*:|читайте также:|читать .{0,20} в$|"
    r"stay informed about|sign up for our|get our |want more|don't miss|don’t miss|"
    r"temps de lecture|lecture \d|\d+\s*min(?:utes?)?\.?\s*(?:read|reading time|de lecture)|"
    r"watch \d|listen \(\d|\d+:\d\d\s*-\s*source:|source:\s*\w+\s*video|"
    # Label and link: `Go deeper: ...`, `Also Read | ...`, `Related: ...`, `À lire aussi : ...`
    r"(?:go deeper|also read|read also|read more|related|see also|more on this|watch|"
    r"à lire aussi|lesen sie auch|lee también|leer también|leggi anche|читайте также|"
    r"xem thêm|baca juga|czytaj także|czytaj też|leia também|veja também|lees ook|läs också|"
    r"lue myös|les også|čtěte také|olvassa el|اقرأ أيضا|اقرأ أيضاً|"
    r"читайте також)\s*[:|]\s*\S|"
    r"heard on |shared from |see more on |get whatsapp alerts|join our (?:whatsapp|telegram|"
    r"commenting|community|channel)|join (?:the )?(?:conversation|discussion)\b|"
    r"join thought-provoking conversations|(?:•\s*)?aus (?:der|dem) [\w ]{2,30} \d{1,2}/\d{4}$|"
    r"(?:facebook|twitter|x|instagram|youtube|tiktok|telegram|threads)\s*:\s*@|"
    r"to participate in the discussion|read a summary of this article|"
    r"read \d+ articles and|note from the author|know someone who|conforme a los criterios|"
    r"the trust project|compartir en |partager sur |teilen auf |condividi su |"
    r"ver \d+ comentarios|\d+ comentarios|підписуйтеся|подписывайтесь|"
    r"この記事は(?:有料|会員限定)|残り\d+文字|有料会員に|今すぐ登録|続きを読む|"
    r"\(?责编|\(?web editors?\s*:|扫一扫|(?:【[^】]{1,6}】\s*){1,5}$|"
    # AP's fact checks close with `This is part of AP’s effort to address widely shared ...`
    r"this is part of [\w’'. ]{2,30} effort to (?:address|combat|counter)|"
    # An app's audio link under the story: `Listen to Espresso`, `Listen to the podcast`
    r"listen to (?:the )?[\w’' ]{2,30}$|"
    r"follow [\w .'’-]{2,40} on (?:linkedin|x|twitter|facebook|instagram|bluesky|threads)\b|"
    r"читайте [\w .«»\"-]{2,30} в (?:telegram|max|vk|дзене?|whatsapp)\b|"
    r"folgen sie [\w .'’-]{2,40} auf (?:whatsapp|x|twitter|facebook|instagram|linkedin|telegram)\b|"
    r"(?:the )?opinions expressed (?:here |in this [\w-]+ )?are those of the authors?|"
    r"the views expressed (?:here |above |in this (?:[\w-]+ ){1,2})?(?:are (?:those of )?|"
    r"belong to )the author|"
    r"(?:he|she|they) (?:writes?|is writing|are writing) in (?:his|her|their) (?:personal|own) "
    r"capacity|"
    # A prev/next link under a newsroom's story: `Prev  Hanwha Ocean Wins Order for ...`,
    # `Next article: ...`, `Next › ...` (a bare `Next: what happens now` is a cross-heading)
    r"(?:prev|previous|next) (?:article|story|post|news)(?:\s*[:|›»]|\s{2,})\s*\S|"
    r"(?:prev|previous|next)(?:\s*[|›»]|\s{2,})\s*\S|"
    # An appeal for money under the story: `Support The Insider: independent ...`, `taz zahl
    # ich – Unterstützen Sie unabhängigen Journalismus.`
    # (not `Support for Ukraine`, a cross-heading: a preposition or a verb follows support)
    r"support (?!(?:for|from|of|to|in|on|at|among|across|behind|by|with|and|grows?|grew|"
    r"falls?|fell|rises?|rose|slips?|slipped|wanes?|waned)\b)[\w .'’-]{2,30}(?::|$)|"
    r".{0,30}unterstützen sie (?:unabhängigen|unseren|den)|"
    r"soutenez (?:le|notre|un) journalisme|apoya (?:el|nuestro) periodismo|"
    r"comments?\s*[-–:]\s*(?:please )?(?:log ?in|sign ?in)|"
    # Ukrainian agencies' rights notice: `If you cite or use any materials on the Internet, ...`
    r"if you (?:cite|quote|use) (?:or use )?any (?:of (?:our|the) )?materials|"
    # An app's audio note: `Listening to articles is free for open-access content—...`
    r"listening to (?:this |these )?articles? is\b|"
    # A newsletter's link to the page: `Read more on Newsweek.com`
    r"read (?:more|it|the full (?:story|article)) (?:on|at) [\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$|"
    # A reporter's address under the story: `Reach Marisa Delgado at mdelgado@usatoday.com`
    r"reach [\w .'’-]{2,40} at [\w.+-]+@|"
    # Newsletter prompts in Portuguese, Spanish, German: `Receba no seu email as notícias`
    r"receba (?:no seu|em seu) e-?mail|recibe (?:en tu|nuestro)|"
    r"(?:jetzt )?(?:den |unseren )?newsletter abonnieren|"
    # WordPress's previous / next post links on one line: `« Older post   |   Newer post »`
    r"«\s.{2,120}\|.{2,120}\s»$)",
    re.I,
)
_TAIL_NOTES = re.compile(
    r"^(?:"
    # a read-more link's label in more languages: `Lue lisää: ...`, `Läs mer: ...`
    r"(?:lue lisää|läs mer|les mer|læs mere|lees meer|leer más|lire plus|weiterlesen|"
    r"czytaj więcej|читать далее|читати далі|devamını oku|baca selengkapnya|leggi di più|"
    r"ler mais|saiba mais)\s*[:|]\s*\S|"
    # WordPress under a post: `This entry was posted in China, Rason and tagged ...`
    r"this (?:entry|post) was (?:posted|filed) (?:in|under)\b|"
    # a head and its tags on one line, in more languages: `相關字詞﹕王毅`, `Tópicos: ...`
    r"(?:相關字詞|相关字词|關鍵詞|关键词|關鍵字|关键字|標籤|标签|タグ|キーワード|태그|키워드|"
    r"теги|тэги|темы|теми|мітки|etiketler|konular|tópicos|argomenti|themen|onderwerpen|"
    r"sujets|thèmes|topik|topics in this article|related search terms|برچسب‌ها|برچسب ها|"
    r"برچسب|کلیدواژه‌ها|کلیدواژه|टैग|แท็ก|tagovi|oznake|тегтер|ознаке|etichete|lebo|"
    r"ετικέτες|תגיות|thẻ)\s*[:：﹕]\s*\S|"
    # a licence under the story: `This work is licensed under a Creative Commons ...`
    r"(?:this|the) (?:work|article|story|piece|post|content|text|report|photo)s? (?:is|are|was|"
    r"were|has been) (?:\w+ )?(?:licen[cs]ed|published|republished|available|distributed|"
    r"shared) under (?:a |the )?(?:creative commons|cc[ -]by)|"
    r"(?:re)?published (?:here )?(?:from [^.]{2,80} )?under (?:a |the )?(?:creative commons|"
    r"cc[ -]by)|licen[cs]ed under (?:a |the )?(?:creative commons|cc[ -]by)|"
    r"creative commons (?:attribution|licen[cs]e|cc[ -]by)[^.]{0,80}\.?$|"
    # previous / next links in other languages: `上一篇：西安地鐵新線通車`, `下一篇：...`
    r"(?:上一篇|下一篇|上一則|下一則|上一条|下一条|前の記事|次の記事|이전 ?기사|다음 ?기사|"
    r"предыдущая (?:статья|новость)|следующая (?:статья|новость)|article (?:précédent|suivant)|"
    r"artículo (?:anterior|siguiente)|(?:vorheriger|nächster) artikel|"
    r"articolo (?:precedente|successivo)|(?:vorig|volgend) artikel|(?:önceki|sonraki) haber|"
    r"(?:poprzedni|następny) artykuł)\s*[:：﹕|›»]?\s*\S|"
    # an e-paper's print and distribution lines: `This article was printed from PressReader`
    r"(?:this article was )?printed (?:from|and distributed by) |"
    r"this article appeared in print on page|printed from |"
    # an advert's label with its text: `TEXT AD: Call ...`, `Advertisement: ...`
    r"(?:text |sponsored )?ad(?:vert(?:isement)?)?\s*:\s*\S|"
    # a note that the story was translated: `(Originally published in Japanese on ...)`
    r"\(?originally published in (?:japanese|korean|chinese|french|german|spanish|russian|"
    r"arabic|portuguese|italian|dutch|turkish|polish|ukrainian|indonesian)\b|"
    # an app's or a channel's prompt: `Read this article on CSMonitor.com`
    r"read this (?:article|story) (?:on|at|in) \S|"
    # an appeal for money: `Support PREMIUM TIMES' journalism of integrity`
    r"support [\w .’'-]{2,40}(?:'s?|’s?) journalism\b|"
    r"your (?:tax[- ]deductible )?(?:gift|donation|support) (?:can|will|helps?|keeps?)\b|"
    r"статья опубликована в (?:№|номере)|"
    r"why news media is in crisis|"
    # a page's feedback widget: `Is this page useful?`, `Was this article helpful?`
    r"(?:is this (?:page|article) |was this (?:page|article|story|information) |did you find "
    r"this (?:page |article )?)(?:useful|helpful)\?|report a problem with this page|"
    # syndication and house notes under a story: NDTV's `(Except for the headline, this story
    # has not been edited by NDTV staff and is published from a syndicated feed.)`
    r"\(?(?:except for the headline|only the headline)[^()]{0,200}syndicated feed|"
    r"(?:track|get|follow) (?:the )?latest news (?:live )?on \S|"
    r"\(?catch all the [\w ,&]{2,80} on |get the [\w .'’-]{1,30} app\b|"
    r"for information media\.? not an official record|dieses thema im programm\s*:)",
    re.I,
)
"""Notes and links a page prints under its stories (a blog's category line, an e-paper's print
lines, previous/next links, feedback widgets, syndication notes, app prompts): looked for only
below the story's last sentence (`plain._tail_start`), so the common line pays nothing for
them; an appeal naming journalism is looked for everywhere (`is_furniture`)."""


def is_tail_note(text: str) -> bool:
    return bool(_TAIL_NOTES.match(text.strip().lstrip("*_ ")))


_CONTAINS = re.compile(
    r"(?:cookie|consent to|privacy policy|terms of (?:use|service)|newsletter|subscribe|"
    r"sign up|inbox|all rights reserved|registered trademark|can be reached at|"
    r"thought you would be interested|shared an article with you|download (?:our|the) app|"
    r"direct questions or comments|send us a tip|partners process data|subscription service|"
    r"subscribers? only|for subscribers)",
    re.I,
)
_PROMO_PROSE = re.compile(
    r"(?:we use cookies|uses cookies|use cookies and|utilisent des cookies|use of cookies|"
    r"partners process data|precise geolocation|device characteristics|by subscribing|"
    r"subscribe (?:now|today|to (?:our|the))|sign up (?:for|to) (?:our|the)|"
    r"(?:in|to|for) (?:this|our) (?:free |weekly |daily )?newsletter|in your inbox|"
    r"thought you would be interested|shared an article with you|can be reached at|"
    r"direct questions or comments|is a registered trademark|"
    r"did not store your e-?mail|receiving this (?:message|email|newsletter)|"
    r"support us\b|support (?:independent|our) journalism|make a donation|"
    r"becom(?:e|ing) a (?:member|subscriber|supporter)|join our community|"
    r"(?:delivered|straight|sent|direct(?:ly)?) (?:to|in) your inbox|forward this email|"
    r"invite them to subscribe|contact us for subscription|download the [\w'’ ]{1,24} app|"
    r"sign up for [\w'’ ]{1,30} newsletters?|join [\w'’ ]{0,20}(?:whatsapp|telegram) channel|"
    r"log in or register|the trust project|subscriber-exclusive|subscriber-only|"
    r"traditional (?:custodians|owners) of the lands?|(?:is|are) disseminated via|"
    r"поддержите нас|поддержать нас|підтримайте нас|후원하기|후원해 주세요|힘을 보태주세요|"
    r"初割|無料体験|購読のご案内|"
    r"(?:en|a) tu (?:mail|correo|e-?mail|casilla)|exclusiv[oa] para suscriptores|"
    r"exclusive (?:to|for) subscribers|nur für abonnenten|réservée? aux abonnés|"
    r"support [\w .’'-]{2,40}(?:'s?|’s?) journalism|tax[- ]deductible (?:gift|donation)|"
    r"suscr[ií]b[ei]te a (?:nuestro|nuestra|la)|(?:whatsapp|telegram) (?:channel|kanal|saluran)|"
    r"saluran (?:whatsapp|telegram)|now available on (?:telegram|whatsapp)|"
    r"the views expressed (?:above |here |in this [\w-]+ )?(?:belong to|are (?:those of )?)"
    r" the authors?)",
    re.I,
)
_LABELLED_LINK = re.compile(r"^[^.]{0,60}:\s*(?:https?://|www\.)\S+$")
"""Marks a furniture line only when the line is short or is not running prose of a story."""

_READ_TIME = re.compile(
    r"^(?:\d+\s*(?:[–-]\s*\d+\s*)?(?:min|mins|minutes|분|分)(?:\s*(?:read|reading time|listen))?|"
    r"\d+-minute (?:listen|read)|"
    r"listen\s*\(?\d+\s*min\)?|watch\s*\d+:\d\d|\d+:\d\d(?:\s*min)?|\d+\s*min(?:\.|ute)?s?\s+read)$",
    re.I,
)
_NAV_SEPARATORS = re.compile(r"\s*\|\s*|\s+(?:·|•|/|>|»|›|＞)\s+")
"""`|` separates menu items with or without spaces; the others only with spaces around them,
so a Korean headline's `김정은·시진핑` (Kim and Xi) is not a menu."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WIDE_SPACE = re.compile(r"\s{2,}|\t")
_URL = re.compile(r"https?://\S+|www\.\S+")
_END_MARK = re.compile(
    r"^(?:\(END\)|\(end\)|\(MORE\)|\(more\)|END|ENDS|Enditem(?:/[a-z]{1,4})?|-0-|-30-|###|■|□|◆|▲|=+\s*\w+|"
    r"\(\s*끝\s*\)|<끝>|\(완\)|/오해|—\s*30\s*—|"
    r"[A-Z]{2}-[A-Z]{2}-\d\d-\d\d-\d\d\s+\d{4}\s*GMT|"
    r"[a-z]{2,4}(?:/[a-z]{2,4}){1,5}(?:\s*\([\w ,/.-]{2,40}\))?|[a-z]{2}(?:\s+[a-z]{2}){1,3}|"
    r"[A-Z]{2,5}\s+[a-z]{2,4}(?:/[a-z]{2,4}){1,5}(?:\s+\d{3,4}(?:\s*[A-Z]{2,5})?)?|"
    r"\d{4}/\d\d/\d\d\s+\d\d:\d\d\s*송고|송고\s*\d{4}[-.]\d\d[-.]\d\d.*|"
    r"dpa(?:\s+[a-z]{2,3}){1,3}|[A-Z]{2,4}(?:\s*//\s*[A-Z]{2,4})+|[A-Z][a-z]+/Fim|"
    r"[А-ЯЁ]{2,4}(?:/[А-ЯЁ]{2,4}){1,4}|RED-[A-Z]{2,4}|NNNN|[A-Z]{3}(?:\s+[A-Z]{3}){0,3})$"
)
"""Wire end marks: `(END)`, `Enditem` (CNA's `Enditem/ls` with its editor), `-0-`, `■`,
`==Kyodo`, AP's `AP-WF-09-03-25 0641GMT`, AFP's editor initials `lf/mtp/sco`, Interfax's
`va dp`, Yonhap's `2025/09/02 17:21 송고`, dpa's `dpa jk xx`, Lusa's editors `JPI // SCA` and
its end `Lusa/Fim`, AAP's agency, desk initials and time `AAP fl/lc 1131 AEST`, TASS's
`ЕЛК/АВ`, DW's editors with their agencies `jj/kle (dpa, afp, rtr)`."""
TRAILING_MARK = re.compile(
    r"\s*(?:\((?:END|[Ee]nd)\)|Enditem|-0-|■|□|◆|\(\s*끝\s*\)|<끝>|(?<=[.!?\"”])\s+\([A-Z]{2,6}\)|"
    r"(?<=[.!?\"”])\s+[A-Z]{2,5}(?:\s+[A-Z]{3}){1,3}|"
    r"(?<=[.!?\"”])\s+[–—-]{1,2}\s*[A-Z][\w-]*\.(?:com|net|org|ph)(?:\.[a-z]{2})?)\s*$"
)
"""An end mark glued to the last paragraph: `... on the Chinese side. Enditem`, `terms. ■`,
KUNA's `... around the Gulf. (end)`, an Indian agency's name and its desks' initials: `... the
officials said. PTI ABH`, the site's sign-off: `... allowed to fish." – Rappler.com`."""
_WIRE_LINE = re.compile(
    r"^\((?:ATTN|EDITORS?|ADVISORY|EDS?|CORRECTS?|RECASTS?|ADDS?|UPDATES?|REPEATS?|"
    r"FIXES|CLARIFIES)\b[^)]*\)?$|^Eds:\s",
    re.I,
)
"""Notes to the wire's subscribers (`(ATTN: UPDATES with ...)`, `Eds: ...`). An editor's note
(`Editor's note: This article was updated ...`) is printed for readers: it stays."""
_SLUG_REUTERS = re.compile(r"^[A-Z0-9][A-Z0-9&.-]*(?:/[A-Z0-9&.-]+)+(?:\s+\([A-Z ,]+\))?$")
_SLUG_TAIL = re.compile(r",\s*[A-Z0-9][\w ]*$|--")

INTERVIEW_CREDIT = (
    r"propos recueillis par |entretien réalisé par |interview réalisée par |"
    r"interview(?:ed)? by |interview conducted by |das (?:gespräch|interview) führte(?:n)? |"
    r"entrevista (?:realizada )?(?:por|de) |intervista (?:a cura )?di |"
    r"entrevista feita por |rozmawiała?\s*:?\s|rozmowę przeprowadziła?\s*:?\s|"
    r"rozhovor vedla?\s*:?\s|"
    r"beszélgetőtárs\s*:|интервью (?:записала?|взяла?|провела?) |беседовала? |"
    r"interview afgenomen door |het interview werd afgenomen door |"
    r"인터뷰\s*[:=]?\s*[가-힣]{2,4}\s*기자|采访\s*[：:]|採訪\s*[：:]"
)
"""Who asked the questions of a Q&A, in the languages that credit it."""

STRONG_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional |further )?reporting by|editing by|writing by|compiled by|"
    r"translated by|(?:--\s*)?with assistance from|with (?:additional )?reporting (?:by|from)|"
    r"\(?with input from|\(?with files from|"
    # a translator's note: `This article was translated from the Korean original by X`
    r"(?:this|the) (?:article|story|piece|report|interview|text|column|op-ed|commentary) "
    r"(?:was|has been|is) (?:\w+ )?translated (?:from|into)|translated from (?:the )?[\w-]+ "
    r"(?:original )?by|"
    # A newsletter's writers under its items: `Due Diligence is written by X and Y in Hong Kong`
    r"[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4} is (?:written|edited|compiled|produced) by)\b",
    re.I,
)
"""Credits however long the line: `Reporting by ...; Editing by ...`."""
CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional |further )?reporting by|reported by|editing by|edited by|"
    r"writing by|written by|compiled by|translated by|translation by|research by|"
    # a translator's credit in other languages: `Traduit de l'anglais par X`, `Aus dem
    # Englischen von X`, `Перевод: X`, `翻译：X`, `ترجمه: X`
    r"traduit (?:de l['’]\w+ )?par|aus dem \w+ (?:übersetzt )?von|übersetz(?:t von|ung\s*:)|"
    r"traducción\s*:|traducido (?:del \w+ )?por|tradução\s*:|traduzido (?:do \w+ )?por|"
    r"traduzione (?:di|a cura di)|tradotto (?:dall['’]\w+ )?da|перевод\s*:|переклад\s*:|"
    r"翻译\s*[:：]|翻譯\s*[:：]|译者\s*[:：]|譯者\s*[:：]|번역\s*[:=]|翻訳\s*[:：]|çeviri\s*:|"
    r"çeviren\s*:|tłumaczenie\s*:|översättning\s*:|vertaling\s*:|penerjemah\s*:|"
    r"diterjemahkan oleh|ترجمه\s*:|مترجم\s*:|ترجمة\s*:|"
    r"graphics? by|produced by|with reporting by|with additional reporting|"
    r"(?:--\s*)?with assistance from|with input from|input from|"
    r"anchor\s*:|reporter\s*:|editor\s*:|editors\s*:|producer\s*:|camera\s*:|"
    # An imprint under a release: `Herausgeber`, `Verantwortlich: X`, `Redaktion: Y`
    r"verantwortlich\s*:|redaktion\s*:|v\.\s?i\.\s?s\.\s?d\.\s?p\.|herausgeber(?:in)?\s*$|"
    r"publisher\s*:|rédaction\s*:|redacción\s*:|"
    # an editor's or a compiler's credit in other languages: `Edição: X`, `Opracowanie: kg`
    r"edição\s*:|edición\s*:|opracowanie\s*:|redakcja\s*:|zpracoval[a]?\s*:|"
    r"bearbeitung\s*:|a cura di\s*:|penyunting\s*:|redaksi\s*:|"
    r"photos? by|photograph(?:s|y)? by|photography\s*:|illustration\s*:|illustrations? by|"
    r"photo\s*:|photograph\s*:|image\s*:|images\s*:|credit\s*:|bild\s*:|foto\s*:|"
    r"write to |to contact the (?:reporter|editor)|contact the reporter|"
    r"reporting from |source\s*:|sources\s*:|additional sources\b|"
    r"(?:japanese|korean|chinese) original by|web editors?\s*:|\(?责编|"
    r"촬영기자\s*:|영상편집\s*:|영상취재\s*:|촬영\s*:|그래픽\s*:|에디터\s+[가-힣]{2,4}\b|웹팀\s|"
    r"avec |mit material|con información de|при участии|contributing\s*:|"
    r"редактор(?:ы)?\s*:?\s|выпускающий редактор|редакция\s*:|"
    # translators, in the languages that credit them: `Tradução de Ana Luiza Prado`
    r"tradução de |traducción de |traduction de |traduit (?:de l'\w+ )?par |"
    r"übersetzung(?:\s*:| aus dem \w+| von) |aus dem \w+ (?:übersetzt )?von |"
    r"traduzione di |перевод(?: с \w+)?\s*:? |"
    # a magazine's role block under the author: `Translator: X`, `Photographer: Y` (only the
    # author is the byline)
    r"translators?\s*:|translation\s*:|photographers?\s*:|photos\s*:|pictures\s*:|"
    r"copy ?editors?\s*:|sub-?editors?\s*:|fact-?check(?:ed|ing)? by|proofreading\s*:|"
    r"traductor(?:a|es)?\s*:|traduc(?:teur|trice)s?\s*:|übersetzer(?:in)?\s*:|traduttore\s*:|"
    r"traduttrice\s*:|tłumacz(?:enie|ka)?\s*:|переводчи(?:к|ца)\s*:|перекладач(?:ка)?\s*:|"
    r"번역\s*[:=]|翻訳\s*[:：]|翻译\s*[:：]|翻譯\s*[:：]|"
    # a contributor in Portuguese, Spanish, Italian, French: `* Colaborou Rafael Antunes`
    r"\*?\s*(?:colaborou|colaboraram|colaboró|colaboraron|ha collaborato|hanno collaborato|"
    r"a collaboré|ont collaboré)\s|" + INTERVIEW_CREDIT + r")",
    # the interviewer of a Q&A: `Propos recueillis par X`, `Das Gespräch führte X`
    re.I,
)
_SHORT_SOURCE = re.compile(
    r"^(?:источник|джерело|fuente|quelle|fonte|来源|出典|forrás|źródło|zdroj|kaynak|bron|lähde|"
    r"sumber|nguồn|المصدر|"
    r"källa|kilde|izvor|sursa|sursă)\s*[:：]",
    re.I,
)
"""`Источник: «Интерфакс»`: which agency a short item cites. A long labelled paragraph
(`Джерело: Путін на пресконференції в Пекіні, пише ...`) is Ukrainska Pravda's body."""
"""A credit line: who reported, wrote, edited, translated, photographed; `Source:` lines."""
CONTRIBUTED = re.compile(
    r"\bcontributed (?:to this (?:report|story|article)|reporting|additional reporting)\b|"
    r"\b(?:writer|correspondent|reporter)s? .{2,80} contributed\b",
    re.I,
)

PHOTO_CREDIT = re.compile(
    r"(?:\(\s*(?:AP|AFP|Reuters|EPA|Yonhap|Kyodo|Xinhua|Pool|File|KCNA|Getty|UPI|EFE|"
    r"Bloomberg|Newsis|News1|KCNA via KNS|Pool photo)[^()]{0,60}\)\s*(?:\([^()]{0,40}\))?|"
    r"\(\s*[A-Z][\w .&-]{0,30}(?:Photo|photo|Images?|via [^()]+)[^()]{0,40}\)|"
    r"\[\s*(?:Photo|Image|사진)[^\]]{0,60}\]|"
    r"\[[A-Z][A-Z0-9 /&.-]{2,40}\]|"
    r"(?:Photo|PHOTO|Photograph|Image|Illustration|Credit|Picture|Foto|Фото|Ảnh|ẢNH|Zdjęcie|"
    r"Fot\.|Fotó|Kuva|Bild|Imagen|Crédito|Créditos|Crédit photo|Fotografia|Fotografía|صورة|"
    r"Gambar)\s*:\s*[^.]{2,80}|"
    r"Credit\.\.\.[^.]{2,80}|"
    r"(?:REUTERS|AFP|AP|EPA)/[A-Z][\w .-]{1,40}|"
    r"\b[A-Z]{2,8} Photo/[A-Z][\w .-]{1,40}$|"
    r"[/|]\s*(?:Xinhua|Yonhap|AP|AFP|Reuters|EPA|Kyodo|KYODO|Getty Images|News1|Newsis|"
    r"Bloomberg|Pool|Joint Press Corps|Xinhua-Yonhap|AP-Yonhap|EPA-Yonhap|AFP-Yonhap|"
    r"Reuters-Yonhap|KCNA-Yonhap)[\w .-]{0,20}|"
    r"\((?:[\w -]+-Yonhap|Xinhua/[^)]{1,40}|[\w ]+/Xinhua)\)|"
    r"Purchase Licensing Rights.{0,20}|"
    r"Getty Images|/ Getty Images|via Getty Images|"
    r"©\s*[^,]{2,40}/\s*[\w .-]{2,40}|"
    # A picture's rights at the end of its caption: `... May 2025. © 2025 Kyodo via AP Images`
    r"(?<=[.!?)\]] )©\s*(?:19|20)\d\d\s+[A-Z][\w .&'’-]{1,30}(?:\s+via\s+[A-Z][\w .&-]{1,30})?|"
    # In brackets at the end: `(Photo by X/AFP via Getty Images)`, `(Jade Gao/Pool/Reuters)`,
    # `(Mainichi/Sayaka Endo)`, `(Reuters: Kaori Ito)` (ABC), `(File photo: Reuters/Name)`.
    r"\(\s*(?:file )?(?:photo|photograph|image|picture|illustration)s?\s*(?:by\b|:)[^()]{2,80}\)|"
    r"\([^()/]{1,50}[\w.]\s*/\s*[A-Z][^()]{1,60}\)|"
    r"\([A-Z][\w .&'’-]{1,30}:\s*[A-Z][^():]{1,40}\)|"
    r"[-–—]\s*(?:Copyright|©)\s+[^.]{2,60}|"
    # Japanese and Korean credits: `＝朝鮮中央通信ホームページから`, `/신화 연합뉴스`, `갈무리`
    r"＝[^＝\s]{1,30}(?:から|撮影|提供)|＝(?:ロイター|AP|AFP|EPA|共同|時事|朝日新聞社|新華社)|"
    r"/\s*(?:[A-Z가-힣]+\s)?(?:연합뉴스|뉴스1|뉴시스|로이터|AP|AFP|EPA)|[가-힣]\s갈무리|"
    r"[（(][^（()）]{0,30}[摄攝][）)]|"
    # a Chinese caption's credit after its last full stop: `...例行记者会。外交部 图`,
    # `...驶出昆明站。新华社记者 王冠森 摄`, `（图片来源：视觉中国）`
    r"(?<=[。.!?！？\s])(?:[\u4e00-\u9fff·]{1,12}\s*){1,3}(?:摄|攝|供图|供圖|图|圖)\s*$|"
    r"[（(]?(?:图片来源|圖片來源|图源|圖源|图片|圖片)\s*[:：][^（()）。]{1,30}[）)]?\s*$|"
    # `... Oct. 10, 2025. Photo by VNA` (VnExpress), and the agency in full-width brackets
    # after a Chinese caption: `...會談。（路透社）`
    r"\bPhotos? (?:by|courtesy of) [A-Z][\w .&/-]{1,40}|"
    r"[。）)][（(](?:路透社?|美聯社|美联社|法新社|新華社|新华社|共同社|中央社|韓聯社|韩联社|"
    r"歐新社|欧新社|歐洲新聞圖片社|法廣|AP|AFP|EPA|Reuters|Getty Images)[）)])\s*$"
)
"""The end of a photo caption: `(AP Photo/Rafael Duarte)`, `[Photo/Xinhua]`, `/Xinhua-Yonhap`,
`Photograph: Marcus Hale/Getty Images`, `(Pool photo)(Kyodo)`, `[JOINT PRESS CORPS]`."""
CAPTION_START = re.compile(
    r"^(?:FILE\s*[-–—:]|FILE PHOTO\b|PHOTO\s*:|Photo/Illu\w*|Photo/|\[\d+/\d+\]|"
    r"This (?:photo|image|picture|undated photo|file photo)\b|In this (?:photo|image)\b|"
    r"\(?[^=()\n]{1,30}\s(?:AP|AFP|EPA|로이터|신화|교도|타스|UPI)=연합뉴스\)|사진\s*[:=])",
    re.I,
)
PHOTO_AGENCY = re.compile(
    r"^(?:[\w .'-]{2,40} (?:via|for) )?(?:Getty Images|EPA(?:-EFE)?|PA(?: Media| Wire)?|"
    r"Shutterstock|Alamy|NurPhoto|SOPA Images|Anadolu|Handout|Pool|AFP|Reuters|AP|"
    r"Bloomberg|Yonhap|KCNA|Xinhua|Kyodo|News1|Newsis|BBC|Sipa|Imaginechina)"
    r"(?:\s*/\s*[\w .-]{2,30})?$"
)
"""A picture credit on a line of its own, as BBC prints it above the caption."""
CREDIT_ONLY = re.compile(
    r"^(?:©\s*[^.]{2,60}\s*/\s*[^.]{2,60}|\((?:AP|AFP|Reuters|EPA|Yonhap|Xinhua|Kyodo)"
    r" Photo[^)]*\)|\d{1,2}:\d\d\s*-\s*source:.*|"
    r"(?:Photo|Photograph|Image|Foto|Фото)\s*:\s*\S.{0,60})$",
    re.I,
)
"""A line that is only a media credit; the line right above it is that picture's caption."""


def normal(text: str) -> str:
    """Lower case with the punctuation and spaces around it stripped, for the lookups above."""
    return text.strip().strip(" :.!*_#|-–—•·>»[]【】").strip().lower()


def is_navigation(text: str) -> bool:
    """`Home | China | World | Business` or `HOME / OPINION / EDITORIAL` or `연합뉴스 > 경제`.

    Three or more short items between separators; two when every item is one or two words
    in a line of capitals (`BUSINESS / ECONOMY` is a section path, not a sentence).
    """
    if len(text) > 200:
        return False
    if not any(sep in text for sep in "|·•/>»›"):
        # Items set apart by wide spaces only: `Ukraine  War  Economy  World  Society`.
        if "  " not in text and "\t" not in text:
            return False
        items = _WIDE_SPACE.split(text.strip())
        return len(items) >= 4 and all(len(i.split()) <= 2 and i[:1].isupper() for i in items)
    if text.rstrip()[-1:] in ".!?" and text.count(" ") > 5:
        return False  # a sentence with a slash or a pipe in it is not a menu
    parts = [p for p in _NAV_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    if len(parts) < 2 or any(len(p.split()) > 5 for p in parts):
        return False
    if len(parts) >= 3:
        return True
    if " > " in text and all(len(p.split()) <= 3 for p in parts):
        return True  # a breadcrumb: `Opinion > Reporter's notebook`
    if (" › " in text or " » " in text or " > " in text) and all(
        len(p.split()) <= 4 and len(p.strip()) <= 30 for p in parts
    ):
        # A breadcrumb in any language: a chevron between section names is never a headline's
        # punctuation (`Thế giới › Thời sự quốc tế`, `Главная › В мире`).
        return True
    return text.isupper() or (all(len(p.split()) <= 1 for p in parts) and "/" not in text)


_PRINT_MARGIN = re.compile(
    r"^(?:(?:https?://\S+\s+)?Page \d{1,3} of \d{1,3}|"
    r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d\d(?:\s?[AP]M)?(?:\s.*)?)$"
)
"""A browser's print margins, repeated on every page of a story printed to PDF: `Page 2 of 3`,
`11/24/26, 9:14 AM   The Limits of the Axis | Foreign Affairs`."""
_CONTRIBUTOR = re.compile(
    r"^(?:From (?:[A-Z][\w.&]*['’]s )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
    r"(?:(?:,| and) [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})*(?: in [A-Z][\w .'’-]{1,30})?|"
    r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} edited this (?:article|story|report)\.?|"
    r"\((?:with|avec|mit|con) [A-Z][\w ,&.'’-]{1,40}\)|"
    r"(?:Author|Writer|WRITER|AUTHOR)\s*:\s*[A-Z][\w .,'’-]{2,60}|"
    r"(?:NEWSPAPER SECTION|SECTION|PUBLISHED|UPDATED)\s*:\s*.{1,40})$"
)
"""A contributor or desk credit on a line of its own: CNN's `From CNN's Kaori Endo in Tokyo`,
KED's `In-Jae Yoon edited this article.`, RFI's `(with AFP)`, JAPAN Forward's `Author: Yuki
Ishikawa, The Sankei Shimbun`, the Bangkok Post's print labels (`NEWSPAPER SECTION: World`)."""
_APP_PROMO = re.compile(r"(?:下載|下载|다운로드|ダウンロード).{0,10}(?:APP|App|앱|アプリ)|用APP看")
"""An app promotion: `點我下載APP　按我看活動辦法`, `現在用APP看新聞`."""
_HOUSE_NOTE = re.compile(
    r"^(?:This (?:article|story|report|piece|fact check) (?:was|has been) (?:produced|written|"
    r"reported|prepared|compiled|edited) by\b|"
    r"[A-Z][\w .&'’-]{1,40} is a (?:service|publication|product|brand|unit|division) of [A-Z])"
)
"""A house note under the story: `This article was produced by the Reuters Fact Check team.`,
`Korea Pro is a service of Korea Risk Group.`"""


_MD_LINK = re.compile(r"\[([^\]]{1,40})\]\([^)\s]*\)")


def _widget_links(text: str) -> bool:
    """A row of Markdown links whose labels are all widgets: `[Share](...) · [Leave a
    comment](...)`, as a Substack export prints under the story."""
    labels = _MD_LINK.findall(text)
    rest = _MD_LINK.sub("", text).strip(" ·|•-–—")
    return bool(labels) and not rest and all(normal(label) in EXACT for label in labels)


_PHONE_LINE = re.compile(
    r"^(?:(?:tel|phone|t|m|mob|fax)\.?\s*:?\s*|(?=.*\+|\(\d{2,4}\)))"
    r"\(?\+?\d[\d ()./-]{6,}\d\s*(?:\([A-Z]{2,5}\))?$",
    re.I,
)
"""A press contact's telephone number on a line of its own: `(+32) 2 28 41234 (BXL)`. An
unlabelled number holds a `+` or starts with its area code in brackets: a row of figures with
a year in brackets (`2010 (2020) 2030`) is the story's."""


_PAGE_LINE = re.compile(
    r"^(?:page|p\.|página|pagina|seite|strona|strana|sivu|side|sida|oldal|sayfa|страница|"
    r"페이지|頁)\s*[:.]?\s*[a-z]?\d{1,3}[a-z]?$"
)


_AD_LABEL = re.compile(r"^[\w .’'&-]{2,40} (?:AD|ADS|ADVERT|ADVERTISEMENT|ADVERTORIAL)$")
"""An advert's slot named in capitals: `PT Mag Campaign AD`."""


def is_furniture(text: str, prose: bool) -> bool:
    """Furniture known from its words. `prose` is whether the line reads as running text,
    which keeps a story's own sentence about a newsletter or cookies in the body."""
    key = normal(text)
    if not key:
        return True
    if key in EXACT or (len(key) < 40 and _READ_TIME.match(key)):
        return True
    if len(key) <= 60 and is_ui_label(text):
        return True
    ad_end = text.endswith(("AD", "ADS", "ADVERT", "ISEMENT", "ORIAL"))
    if ad_end and len(key) <= 60 and _AD_LABEL.match(text.strip()):
        return True
    if len(key) <= 16 and key[-1:].isdigit() and _PAGE_LINE.match(key):
        return True  # an e-paper's page: `Page 3`, `Seite A4`
    if len(key) <= 40 and key[:1] in "(+0123456789tpfm" and _PHONE_LINE.match(key):
        return True
    stripped = text.strip()
    if stripped[:1] in "*_" and len(stripped) > 2:
        stripped = stripped.lstrip("*_ ")  # Markdown emphasis: `*Read more:* [Title](url)`
    if _STARTS.match(stripped) or _END_MARK.match(stripped):
        return True
    if "journalism" in key and _TAIL_NOTES.match(stripped):
        return True  # `Support PREMIUM TIMES' journalism of integrity ...` between paragraphs
    if stripped[:1] in "TABCDEFGHIJKLMNOPQRSUVWXYZ" and _HOUSE_NOTE.match(stripped):
        return True
    if stripped[:1] in "Ph0123456789" and _PRINT_MARGIN.match(stripped):
        return True
    credit_like = stripped[:1].isupper() or stripped[:1] == "("
    if credit_like and len(stripped) < 120 and _CONTRIBUTOR.match(stripped):
        return True
    if not prose and _APP_PROMO.search(stripped):
        return True
    if stripped[:1] == "[" and "](" in stripped and _widget_links(stripped):
        return True
    if stripped[:1] in "▶▷►" and "구독" in stripped:
        return True  # `▶ 서울신문 구독하기`
    if stripped[:1] in "(E" and _WIRE_LINE.match(stripped):
        return True
    if "@" in stripped:
        if _EMAIL.fullmatch(stripped.strip("()[]<>;, ")):
            return True
        if stripped.startswith("(("):
            return True  # Reuters' contact block: ((dasol.kim@thomsonreuters.com; +82 2 ...))
        if not prose and len(stripped) < 160 and _EMAIL.search(stripped):
            return True  # Bloomberg's `Ilya Petrov in Moscow at ipetrov3@bloomberg.net`
    if stripped.startswith("#") and all(w.startswith("#") for w in stripped.split()):
        return True  # hashtags: #North Korea #Kim Jong-un
    if is_navigation(stripped):
        return True
    if ("://" in stripped or "www." in stripped) and (
        _URL.fullmatch(stripped) or _LABELLED_LINK.match(stripped)
    ):
        return True  # AP tennis: https://apnews.com/hub/tennis
    if not has_promo_word(stripped):
        return False
    if len(stripped) < 600 and _PROMO_PROSE.search(stripped):
        return True
    return not prose and len(stripped) < 200 and bool(_CONTAINS.search(stripped))


_PROMO_WORDS = ("cookie", "consent", "privacy", "terms of use", "terms of service", "newsletter",
                "subscri", "sign up", "inbox", "rights reserved", "trademark", "reached at",
                "interested in this", "shared an article", "download our", "download the",
                "direct questions", "send us a tip", "partners process", "geolocation",
                "support us", "support independent", "support our", "donation", "become a",
                "becoming a", "receiving this", "did not store", "join our",
                "forward this", "invite them", "whatsapp", "telegram", "log in or",
                "trust project", "custodians", "traditional owners", "disseminated", "suscri",
                "tu mail", "tu correo", "abonnenten", "abonnés")  # fmt: skip
"""Words every promotion pattern holds, looked for first (substring tests in C): specific
phrases, not single common words (`support`, `join`), so that running text rarely gets as far
as the patterns, which are slow on a long paragraph."""
_PROMO_WORDS_OTHER = ("поддерж", "підтрим", "후원", "힘을 보태", "初割", "無料体験", "購読")
"""The same for the promotions in other scripts, looked for only in text that has some."""


def has_promo_word(text: str) -> bool:
    """A cheap first test (substring search in C) before the promotion patterns run: running
    text is checked on every paragraph, and almost none of it is a prompt."""
    low = text.lower()
    if any(map(low.__contains__, _PROMO_WORDS)):
        return True
    return not text.isascii() and any(map(low.__contains__, _PROMO_WORDS_OTHER))


_LONG_PROMO_WORDS = ("subscri", "newsletter", "disseminated", "download", "support us",
                     "support our", "support independent", "donation", "cookie", "inbox",
                     "whatsapp", "telegram")  # fmt: skip
"""What a long self-promotion at the end of a page says: fewer words than `_PROMO_WORDS`,
because this runs on the last paragraph of every story."""


def is_promotion(text: str) -> bool:
    """A promotion however long: `BERNAMA provides up-to-date ... disseminated via ...`."""
    if len(text) >= 600:
        return False
    low = text.lower()
    return any(map(low.__contains__, _LONG_PROMO_WORDS)) and bool(_PROMO_PROSE.search(text))


def is_control_row(text: str) -> bool:
    """A page's buttons on one line, each a known control: `글자크기 설정 공유하기 북마크`,
    `Share  Save  Print` (one unknown word among three or more is the row's own label)."""
    words = text.split()
    if not 2 <= len(words) <= 8:
        return False
    spare = 1 if len(words) >= 3 else 0
    for word in words:  # most lines fail at their first words
        if normal(word) not in EXACT:
            spare -= 1
            if spare < 0:
                return False
    return True


def is_slug(text: str) -> bool:
    """A wire slug: `NORTHKOREA-RUSSIA/WORKERS (EXCLUSIVE, PIX)`, `China-NKorea-diplomacy,FOCUS`,
    `AP-AS--China-Parade-North Korea,3rd Ld-Writethru`, `(LEAD) NK-S Korea-statement`."""
    if "-" not in text and "/" not in text:
        return False
    stripped = re.sub(r"^\((?:\d+(?:st|nd|rd|th) LD|LEAD|URGENT|UPDATE)\)\s*", "", text.strip())
    if not stripped or len(stripped) > 70 or stripped[-1:] in ".?!\"'”":
        return False
    prefixed = stripped != text.strip()
    if (
        prefixed
        and len(stripped) <= 40
        and len(stripped.split()) <= 4
        and re.search(r"\w-\w", stripped)
    ):
        return True  # Yonhap's `(3rd LD) NK leader-China` above `(3rd LD) N. Korea's Kim ...`
    if _SLUG_REUTERS.match(stripped):
        return True
    words = stripped.split()
    if any(w[:1].islower() for w in words):
        return False
    joined = sum(1 for w in words if re.search(r"\w[-/]\w", w))
    if _SLUG_TAIL.search(stripped) and joined:
        return True
    return joined == len(words) and len(words) <= 4 and joined >= 1 and len(words) > 1


def is_credit(text: str) -> bool:
    stripped = text.strip()
    if CREDIT.match(stripped):
        return True
    if len(stripped) <= 60 and len(stripped.split()) <= 6 and _SHORT_SOURCE.match(stripped):
        return True
    return len(stripped) < 300 and "ontribut" in stripped and bool(CONTRIBUTED.search(stripped))


def is_caption(text: str) -> bool:
    """A photo caption, known from its credit (`(AP Photo/...)`) or its opening (`FILE -`)."""
    stripped = text.strip()
    if len(stripped) > 600:
        return False
    tail = stripped[-90:]
    credited = any(mark in tail for mark in _CREDIT_MARKS) and PHOTO_CREDIT.search(tail)
    placed = len(stripped) <= 250 and "(" in stripped and _PLACED.search(stripped)
    return bool(credited or caption_start(stripped) or placed)


_PLACED = re.compile(
    r"\((?:left|right|centre|center|front|back|L|R|C|\d(?:st|nd|rd|th) (?:left|right|[LR]))\)"
)
"""Who stands where in the picture: `Choe Son Hui (left) is greeted by ...`."""


_CREDIT_MARKS = (")", "]", "/", ":", "|", "Getty", "Licensing", "Credit", "Copyright", "©",
                 "＝", "갈무리", "）", "Photo by", "Photos by", "Photo courtesy", "摄", "攝", "图",
                 "圖")  # fmt: skip
"""Every credit PHOTO_CREDIT knows holds one of these: a cheap test before the pattern runs."""


def caption_start(text: str) -> bool:
    """`FILE -`, `Photo/Illutration`, `[1/4]`, `This photo ...`, `(베이징 AP=연합뉴스)`."""
    return text[:1] in "FfPpTtIi[(사" and bool(CAPTION_START.match(text))


def is_email_or_contact(text: str) -> bool:
    stripped = text.strip().strip("()[]<>")
    return bool(_EMAIL.fullmatch(stripped))


def strip_trailing_mark(text: str) -> str:
    """`... on the Chinese side. Enditem` → `... on the Chinese side.`"""
    tail = max(0, len(text) - 20)
    match = TRAILING_MARK.search(text, tail)
    return text[: match.start()].rstrip() if match else text


# -- UI labels: a page's buttons and widgets, known from their shape in any language --

_READ_TIME_ANY = re.compile(
    r"^(?:(?:read(?:ing)?\s*time|lesezeit|leestijd|lesetid|lukuaika|czas czytania|"
    r"temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|время чтения|"
    r"час читання|읽는 시간|読了時間|阅读时间|閱讀時間)\s*[:：]?\s*)?"
    r"(?:~\s*)?\d{1,3}\s*(?:[–-]\s*\d{1,3}\s*)?"
    r"(?:min(?:ute)?s?\.?|minuten|minutter|minuti|minutos|minuty|minuut|minuuttia|мин\.?|"
    r"минут[ы]?|хв\.?|хвилин[и]?|분|分钟?|分鐘)"
    r"(?:\s*(?:to read|read|reading|reading time|listen|de lecture|de lectura|de leitura|"
    r"di lettura|lesezeit|leestijd|lesen|lesing|czytania|чтения|читання|읽기))?$",
    re.I,
)
"""A reading time, labelled or not, in the languages outlets print it: `4 min read`,
`Lesezeit: 3 Min.`, `Leestijd 4 minuten`, `2 MINUTI DI LETTURA`, `3 mins to read`,
`Read Time: 3 mins`, `Время чтения: 4 мин.`."""
_SIZE_WORDS = frozenset(
    "a a- a+ -a +a aa small medium large larger smaller normal big x-large xl 小 中 大 특대 "
    "klein mittel groß gross petit moyen grand pequeño mediano grande piccolo medio "
    "작게 보통 크게 작은 큰 小さく 標準 大きく".split()
)
_SIZE_LABEL = re.compile(
    r"^(?:font|text|type)\s*size|^schriftgr(?:ö|oe)(?:ss|ß)e|^taille du texte|"
    r"^tama(?:ñ|n)o de (?:letra|fuente)|^字体大小|^字號|^字号|^文字サイズ|"
    r"^글자\s*크기|^글씨\s*크기",
    re.I,
)
_LANGUAGES = frozenset(
    "english|日本語|한국어|中文|简体中文|繁體中文|简体|繁體|français|deutsch|español|русский|"
    "українська|العربية|português|italiano|nederlands|polski|türkçe|tiếng việt|bahasa indonesia|"
    "bahasa|ภาษาไทย|हिन्दी|فارسی|עברית|svenska|norsk|suomi|dansk|ελληνικά|myanmar|burmese|"
    "한글|조선어|japanese|korean|chinese|arabic|french|german|spanish|russian|ukrainian|persian|"
    "hebrew|portuguese|vietnamese|indonesian|turkish|hindi|urdu|thai|"
    "en|ja|ko|zh|fr|de|es|ru|uk|ar|pt|it|nl|pl|tr|vi|id".split("|")
)
_LANGUAGES = frozenset(word.strip() for word in _LANGUAGES)
_LANGUAGE_ROUTE = re.compile(
    r"^(?:listen|read|view|also|available|switch to|versi[oó]n|version|edición|edition|"
    r"in)\b.{0,12}\b(?P<lang>[^\W\d_]+)(?:\s+(?:edition|version|versi[oó]n|site))?$|"
    r"^(?P<lang2>[^\W\d_]+)\s+(?:edition|version|site|service)$",
    re.I,
)
_IMAGE_BUTTON = re.compile(
    r"^(?:click|tap|touch|select|press)?\s*(?:to\s+)?(?:expand|enlarge|zoom|open|view|see|show|"
    r"launch|play|start|close)\s+(?:the\s+|this\s+)?(?:image|photo|picture|gallery|slideshow|"
    r"video|media|graphic|map|chart|infographic|fullscreen|full screen)s?"
    r"(?:\s+(?:gallery|in (?:full ?screen|gallery|new window)))?$|"
    r"^(?:image|photo|picture|slide)\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}$|"
    r"^\d{1,3}\s*/\s*\d{1,3}$|"
    r"^(?:click|tap) (?:to|for) (?:expand|enlarge|zoom|play|view|see more)\b.{0,20}$",
    re.I,
)
"""An image or player button: `Click to expand Image`, `View gallery`, `Photo 2 of 7`,
`Tap to enlarge`, `Play video`."""
_COUNTER_LABEL = re.compile(
    r"^(?:\d[\d.,]*\s*[KkMm]?\s*(?:postings?|comments?|kommentare?|commentaires?|comentarios?|"
    r"commenti|comentários|reactions?|replies|responses|shares?|likes?|views?|reads?|"
    r"комментари[йяев]*|просмотр[аов]*|댓글|조회|コメント|评论|評論)|"
    r"(?:comments?|kommentare|commentaires|comentarios|postings|댓글|评论|コメント)\s*[:(]?\s*"
    r"\d[\d.,]*\)?)$",
    re.I,
)
"""A counter: `128 Postings`, `Comments (12)`, `댓글 3`, `1.2K shares`."""
_ACTION_WORDS = frozenset(
    """
    share|deel|partilhar|compartilhar|compartir|partager|teilen|condividi|condividere|delen|dela|
    jaa|udostępnij|sdílet|megosztás|paylaş|поделиться|поділитися|bagikan|kongsi|
    listen|ouvir|escuchar|escucha|écouter|ecouter|hören|anhören|ascolta|ascoltare|luister|
    lyssna|lytt|kuuntele|posłuchaj|слушать|послушать|слухати|듣기|聞く|收听|收聽|
    print|drucken|imprimir|imprimer|stampa|afdrukken|skriv ut|tulosta|drukuj|печать|인쇄|
    save|merken|guardar|salvar|sauvegarder|enregistrer|salva|bewaren|spara|lagre|tallenna|
    zapisz|сохранить|저장|保存|收藏|
    copy|copia|copiar|copier|kopieren|kopiëren|kopiera|kopioi|kopiuj|копировать|복사|
    comment|comentar|commenter|kommentieren|commenta|reageer|kommentera|kommentoi|
    skomentuj|комментировать|
    follow|folgen|seguir|suivre|segui|volgen|följ|seuraa|obserwuj|подписаться|
    send|senden|enviar|envoyer|invia|versturen|skicka|lähetä|wyślij|отправить|
    gift|verschenken|regalar|offrir|regala|cadeau|
    bookmark|merkliste|favoris|favoritos|preferiti|
    download|descargar|télécharger|telecharger|herunterladen|scarica|baixar|pobierz|stáhnout|
    downloaden|ladda ner|lataa|скачать|завантажити|다운로드|下载|下載|ダウンロード
    """.replace("\n", "").split("|")
)
_ACTION_WORDS = frozenset(word.strip() for word in _ACTION_WORDS)
_ACTION_OBJECTS = frozenset(
    """
    article|story|this|link|notícia|noticia|nota|artigo|artículo|articolo|l'article|l’article|
    artikel|artikkeli|artykuł|статью|статтю|post|page|text|texto|testo|texte|tekst|teksti|
    the article|this article|this story|via|on|by email|per mail|por email|par email|
    news|nachricht|audio|podcast|기사|記事|文章|dit|dit artikel|dit bericht|this|cet article|
    diesen artikel|den artikel|este artículo|este artigo|questo articolo|
    pdf|(pdf)|as pdf|als pdf|en pdf|em pdf|in pdf|the pdf|report|the report|full report|
    the full report|app|the app|our app|file|
    """.replace("\n", "").split("|")
)
_ACTION_OBJECTS = frozenset(word.strip() for word in _ACTION_OBJECTS if word.strip())


_KO_ACTION_ENDS = frozenset({"하기", "내기", "보기", "듣기"})
_KO_BUTTON = re.compile(r"^[가-힣a-z ]{1,30}(?:하기|보내기|보기|듣기)$")
"""Korean buttons in the verb's -기 form (`인쇄하기` print, `공유하기` share, `SNS 보내기`,
`텍스트 음성 변환 서비스 사용하기`, `더보기` more): no headline ends so."""
_ANY_DIGIT = re.compile(r"\d")
_LABEL_ITEMS = re.compile(r"\s*[|/·•,]\s*|\s+")
_LABEL_PARTS = re.compile(r"\s*[|/·•]\s*|\s{2,}")
_BUTTON_VERBS = frozenset(
    "click tap touch select press to expand enlarge zoom open view see show launch play start "
    "close image photo picture slide".split()
)
"""The words an image button's label starts with: a cheap test before `_IMAGE_BUTTON`."""
_COUNTED = frozenset(
    "comments comment kommentare commentaires comentarios postings 댓글 评论 コメント".split()
)


def is_ui_label(text: str) -> bool:
    """A page's button or widget label, from its shape rather than a list of one outlet's
    words: a reading time (`Lesezeit: 3 Min.`), a text-size control (`A A A`, `Small | Medium |
    Large`, `字体大小：小 中 大`), a language switch (`English | 日本語 | 한국어`, `Listen In
    Arabic`), an image button (`Click to expand Image`), a counter (`128 Postings`), or an
    action with an optional object (`Partilhar notícia`, `Copia link`, `Merken`, `Ouvir`).
    Short lines only: a sentence is never a label."""
    stripped = text.strip().strip("*_ ")
    if not stripped or len(stripped) > 60:
        return False
    if stripped[-1:] in ".?!。" and len(stripped.split()) > 4:
        return False  # a sentence
    low = stripped.lower()
    digits = _ANY_DIGIT.search(low) is not None
    if digits and _READ_TIME_ANY.match(low.rstrip(".")):
        return True
    items = [i for i in _LABEL_ITEMS.split(low) if i]
    if not items or len(items) > 8:
        return False
    if _SIZE_LABEL.match(low) or (len(items) >= 2 and all(i in _SIZE_WORDS for i in items)):
        return True
    if len(items) >= 3 and items[0].endswith(":") and all(i in _SIZE_WORDS for i in items[1:]):
        return True  # a text-size control under its label in any language: `Betűméret: A A A`
    if len(items) == 1 and items[0] in ("small", "medium", "large", "larger", "smaller"):
        return True
    if any(i in _LANGUAGES for i in items):
        parts = [p for p in _LABEL_PARTS.split(low) if p]
        if len(parts) >= 2 and all(p in _LANGUAGES for p in parts):
            return True
        if len(parts) == 1 and parts[0] in _LANGUAGES and not parts[0].isascii():
            return True  # `日本語` alone links to that edition; `English` alone may be a kicker
        # A route names its language in full (`Listen In Arabic`): a two-letter code counts
        # only in a list of them (`EN | DE`), as `in the UK` or `read it` is English prose.
        route = _LANGUAGE_ROUTE.match(low) if len(items) <= 4 else None
        language = (route.group("lang") or route.group("lang2") or "") if route else ""
        if len(language) > 2 and language in _LANGUAGES:
            return True
    if (digits or items[0] in _BUTTON_VERBS) and _IMAGE_BUTTON.match(low):
        return True
    if (digits or items[0] in _COUNTED) and _COUNTER_LABEL.match(low):
        return True
    if low[-2:] in _KO_ACTION_ENDS and len(items) <= 5 and _KO_BUTTON.match(low):
        return True  # a Korean page's buttons name their action: `인쇄하기`, `SNS 보내기`
    items = [i.strip(":：") for i in items]
    if len(items) <= 3 and items[0] in _ACTION_WORDS:
        rest = " ".join(items[1:])
        return not rest or rest in _ACTION_OBJECTS or all(i in _ACTION_OBJECTS for i in items[1:])
    return False
