//! Page chrome or article text, line by line.
//!
//! Two passes, after jusText (Pomikálek 2011) and boilerpipe (Kohlschütter
//! et al. 2010):
//!
//! 1. **On its own** each line gets a verdict. Some lines are chrome
//!    whatever surrounds them: a menu (short items between separators), a
//!    call to action ("Sign in to ..."), a relative time ("3 hours ago"), a
//!    photo caption with its credit, a line a boilerplate pattern names (the
//!    defaults below and the site's own `[ingest] boilerplate`). The others
//!    are text, classed by length and stop-word share as jusText does:
//!    *good* (long, grammatical), *near-good*, *short* (too short to tell),
//!    *bad* (long but not prose: lists, link blocks).
//! 2. **In context** short and near-good lines take the class of their
//!    neighbours ([`smooth`]): a short line between article paragraphs is
//!    article (a subheading, a transcript's question), a short line among
//!    chrome is chrome (a menu item, a teaser headline). Then, as boilerpipe
//!    does, a *terminating* line (the comments, "Related", "About the
//!    author") ends the article: after a hard one nothing is article, after a
//!    soft one (a promo heading) nothing is until the next good paragraph.

use std::sync::OnceLock;

use rayon::prelude::*;
use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::lines::{Shape, is_stop_word};

/// Default boilerplate: whole lines of page chrome (case-insensitive).
/// These are overrides: a line they name is chrome whatever its shape.
pub const DEFAULT_BOILERPLATE: &[(&str, &str)] = &[
    (
        "share buttons",
        r"^(?:share(?:\s+on)?\s*:?\s*)?(?:(?:share|tweet|pin|email|e-mail|mail|print|copy\s+link|facebook|twitter|x|x\s+\(twitter\)|linkedin|whatsapp|telegram|reddit|google\+?|pinterest|messenger|tumblr|flipboard|threads|bluesky)(?:\s+(?:icon|logo|button|share|this|it|on|via|us|link|article|story|page|post))*[\s|·•,/\p{So}]*)+$",
    ),
    (
        "share prompt",
        r"^(?:share|tweet|send|email)(?:\s+(?:or|and)\s+(?:comment|discuss|save|print))?\s+(?:this|on|via|to|the|article|story|it|post)\b.{0,50}$",
    ),
    // "FOR IMMEDIATE RELEASE", "Embargoed until 00:01 GMT": a press
    // release's instruction to editors, above its headline.
    (
        "release instruction",
        r"^(?:for immediate release|for release (?:at|on|after)\b.{1,40}|embargoed(?: until| till| for)?\b.{0,50}|not for (?:publication|release|broadcast) (?:before|until)\b.{1,40})\.?$",
    ),
    (
        "follow prompt",
        r"^get (?:an? )?(?:(?:email|e-mail|push) )?(?:notifications?|alerts?) (?:for|about|of|on|when) .{1,80}$|^(?:follow|like)\s+(?:us|@\w+)\b.{0,60}$|^(?:add|follow|find)\b.{0,80}\bon google(?: news| discover)?\.?$|^(?:follow|join)\b.{0,50}\bon (?:whatsapp|telegram|twitter|x|facebook|instagram|youtube|linkedin|threads|tiktok)(?: channel)?\.?$",
    ),
    (
        "navigation",
        r"^(?:home|menu|search|skip to (?:main )?content|skip (?:to )?(?:the )?(?:next|previous) section|subscribe(?: now)?|sign in|sign up|log ?in|log ?out|register|newsletter|advertising|sponsored(?: content)?|close|back to top|top|next|previous|prev|more|loading\.*|watch|listen|play|video|photos?(?:\s*\(\d{1,3}\))?|(?:photo |video |image )?gallery(?:\s*\(\d{1,3}\))?|images?|graphic|infographic|print this page|live|open in app|download pdf|player ratings|skip links|navigation menu|main menu|e-?paper|e-?edition|digital edition|print edition|today'?s paper|accessibility help|accessibility links|keyboard shortcuts(?: for (?:the )?(?:audio|video|media) player)?|(?:open|close) navigation(?: menu)?|skip to (?:navigation|footer|main navigation)|(?:(?:section|site|main|primary|secondary|global|mobile|top|footer|site information) )?navigation(?: (?:menu|bar|links))?|site index)$",
    ),
    // A skip link with its keyboard hint: "Skip to main content (Press Enter)."
    (
        "navigation",
        r"^skip (?:to|over) (?:the )?(?:main |page )?(?:content|navigation|footer|search|menu)\s*\(press enter\)\.?$",
    ),
    // A government site's banner over its masthead (the US web design
    // system prints it on every federal site) and its link.
    (
        "government site banner",
        r"^(?:an )?official (?:website|web site|site) of the .{3,60}$|^here[’']s how you know\.?$",
    ),
    // An official body's note on what its summary is not.
    (
        "document notice",
        r"^(?:for (?:the )?information (?:of the )?media(?: only)?\s*[.;-]?\s*)?(?:this is )?not an official (?:record|document|transcript)\.?$",
    ),
    // A press release ends with its issuer's legal notice, then contacts.
    (
        "legal notice",
        r"^(?:forward[- ]looking statements?|safe harbou?r statement|cautionary (?:note|statement)(?: regarding forward[- ]looking statements)?)\s*:?$",
    ),
    // Infinite scroll: the next story follows the article on the same page.
    (
        "next article",
        r"^(?:next (?:article|story|post)|up next|read next|continue to (?:the )?next (?:article|story))\s*:?$",
    ),
    (
        "promo heading",
        r"^(?:latest|related|recommended|trending|popular|most (?:read|viewed|popular|shared)|more (?:from|on|stories|news|headlines)|read (?:more|also|next)|also read|keep reading|see also|you (?:may|might) also like|editor'?s picks|top stories|don'?t miss|further reading|in other news|also (?:today|in this issue)|elsewhere today|full coverage)\b(?:\s+\S+){0,4}\s*:?$",
    ),
    (
        "comment widget",
        r"^(?:no comments?|\d+ comments?|comments?(?:\s*\(\d+\))?|post a comment|leave a (?:comment|reply)(?: cancel reply)?|add (?:a )?comment|write a comment|your comment|be the first to comment|reply|show comments|view comments|comments are closed\.?|log in to comment\.?|sign in to (?:comment|join the discussion))\s*:?$",
    ),
    // A list's bounds as a screen reader hears them ("list of 4 items" over
    // a box of links, "end of list" under it).
    ("list label", r"^(?:list of \d+ items?|end of list)$"),
    (
        "comment heading",
        r"^\d+\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\b.{0,200}$",
    ),
    ("comment author", r"^[\p{L}.'’ -]{1,40}\s+says:$"),
    (
        "view counter",
        r"^(?:views?|reads?|shares?|likes?|hits|visits)\s*:?\s*\d[\d,.]*\s*[km]?$",
    ),
    (
        "view counter",
        r"^\d[\d,.]*\s*[km]?\s+(?:views?|reads?|shares?|likes?|comments?|followers?|subscribers?|claps?|responses?)$",
    ),
    // A live page's label with its day, over an entry's headline
    // ("Liveblog September 28, 2024", "Live updates | 28 September 2024").
    (
        "live label",
        r"^(?:live ?blog|live updates?|live coverage|live news)\s*[:|,·–—-]?\s*(?:\p{L}+,?\s+)?(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?,?\s+\d{4})$",
    ),
    // A live page's buttons over its entries ("Show key events only",
    // "Key events", "Latest updates", "Load more updates").
    (
        "live label",
        r"^(?:show (?:key events|highlights|all updates)(?: only)?|(?:key|latest) (?:events|updates)|load (?:more|earlier|newer) (?:updates|posts|entries)|(?:\d+ )?new updates?)$",
    ),
    // A box for the page's short address, which some sites print between
    // the lead and the rest of the text.
    (
        "share link",
        r"^(?:short link|short url|permalink|share link|copy link)\s*:?\s*$",
    ),
    (
        "empty label",
        r"^(?:date|time|author|authors|by|source|sources|tags?|categor(?:y|ies)|filed under|posted in|topics?|keywords?|section|published|updated|published in|writer for|(?:news\s+)?provided by|transcript|show notes|episode notes|search keywords)\s*:?\s*$",
    ),
    (
        "tag list",
        r"^(?:tags?|categor(?:y|ies)|filed under|posted in|keywords?|topics?)\s*:.{1,300}$",
    ),
    // "Copyright 2024", "Copyright ©", "Copyright Harbour Wire": the word
    // then a year, a sign or a name ("Copyright lawyers say ..." is text).
    (
        "copyright",
        r"^(?:©|\(c\)\s|copyright(?:\s*$|\s*[©:(\d]|\s+(?-i:\p{Lu}))).{0,200}$",
    ),
    ("copyright", r"^all rights reserved\.?$"),
    // "All rights reserved to Harbour News 2025", "All rights reserved ©
    // Harbour News 2025", "All content © Harbour News 2025": the owner
    // after the notice's words.
    (
        "copyright",
        r"^all (?:rights (?:are )?reserved (?:to|for|by|©)|(?:content|contents|material) (?:©|copyright))\s.{2,80}$",
    ),
    // "example.com © 1996-2024 The Example Post": the site's address
    // before the notice.
    (
        "copyright",
        r"^(?:www\.)?[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,6}\s*(?:©|\(c\)|copyright\b).{0,120}$",
    ),
    // "Shafaq News © 2024": the publisher's name before the sign.
    (
        "copyright",
        r"^(?-i:\p{Lu})[\p{L}\d .&'’-]{1,60}\s(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–—]\s*\d{4})?)?\.?(?:\s+all rights reserved\.?)?(?:\s*[|·•∙].{0,80})?$",
    ),
    (
        "photo credit",
        r"^(?:(?:file\s+)?photo(?:graph)?|image|picture|credit|photo credit)s?\s*:.{0,200}$|^video\s*:\s*\S.{0,60}$",
    ),
    (
        "photo credit",
        r"^\(?(?:photo|image|picture) by .{0,100}\)?$",
    ),
    (
        "reading time",
        r"^(?:[|·•]\s*)?(?:(?:reading time|read time|time to read|time to)\s*:?\s*)?\d+(?:\s*[–-]\s*\d+)?\s*min(?:ute)?s?\.?(?:\s+(?:read|reading time|read time))?$",
    ),
    (
        "wire credit",
        r"^[-–—]*\s*\(?(?:(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|translat(?:ed|ion)) by|with (?:additional )?assistance from) .{0,200}$",
    ),
    // A scraper's record of the page above its text ("Title: ...", "URL: ...").
    ("scraper's field", r"^(?:title|headline)\s*:\s*\S.{0,300}$"),
    // A podcast's or a panel's credits: "Guests: Jane Roe and John Doe",
    // names of two to four words, as many as are listed (counting them to
    // six made the pattern 15,000 automaton states).
    (
        "programme credits",
        r"^(?:guests?|panell?ists?|featuring|speakers?|hosts?|co-hosts?|producers?|moderators?|(?:hosted|presented|produced|moderated)\s+by)\s*:\s*\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){1,3}(?:(?:\s*,|\s+and|\s+&)\s+\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){1,3})*$",
    ),
    // "Editor: Liu Jing", "Responsible editor: Jane Roe", "Reviewed by:
    // Sami Nasser": the desk editor or checker who handled the story,
    // printed beside its date; not its author.
    (
        "editor credit",
        r"^(?:reviewed|fact[\s-]?checked|verified|copy[\s-]?edited)\s+by\s*:?\s*\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3}$",
    ),
    (
        "editor credit",
        r"^(?:(?:responsible|chief|web|desk|news|duty|managing|copy|sub|section|online)[\s-]?)?editor\s*[:|]\s*\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3}$",
    ),
    (
        "wire credit",
        r"^.{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?\)?$",
    ),
    (
        "teaser",
        r"^(?:read|read more|read also|also read|read next|up next|don'?t miss|must read|related|related (?:video|videos|story|stories|article|articles|coverage|content|reading|news|podcast)|see also|also see|more on this|recommended|more|watch|listen)\s*[:|]\s*(?:[^.!]|\b\p{Lu}\.){3,160}$",
    ),
    // Capitals case-sensitive: read case-insensitively, "By Friday Hussein
    // had spoken to the ambassadors." is a byline too.
    (
        "byline",
        r"^(?:by|written by|words by|story by|posted by)\s+(?-i:\p{Lu})[\w.'’-]*(?:\s+(?:and|&|(?-i:\p{Lu})[\w.'’-]*|,)){0,10}\s*(?:[|,·•-]\s*.{0,40})?$",
    ),
    (
        "breadcrumb",
        r"^(?:[^»›>|]{1,30}\s*[»›>]\s*){1,6}[^»›>|]{1,40}$",
    ),
    // "Home | News & Events | Joint Statement on ...": a trail from the
    // home page, whatever its separator, may end in the whole headline
    // (longer than a menu's item: "Home | World | Business" is a menu).
    (
        "breadcrumb",
        r"^home\s*[»›>|/]\s*(?:[^»›>|/]{1,30}\s*[»›>|/]\s*){0,5}[^»›>|/]{31,200}$",
    ),
    (
        "site policy",
        r"^(?:our standards|editorial standards|editorial policy|terms of (?:use|service)|privacy policy|cookie policy|contact us|about us|your email address will not be published)\b.{0,120}$",
    ),
    (
        "advertisement",
        r"^(?:advertisement|sponsored|ad)\s*[·•|:-].{0,40}$",
    ),
    (
        "cookie notice",
        r"^(?:we use cookies|this (?:web)?site uses cookies|please enable javascript|javascript is (?:disabled|required)).{0,200}$|^we and our (?:\d+ )?(?:partners|vendors) (?:use|store|process|store and/or access)\b.{0,250}$|^we value your privacy\.?$",
    ),
    (
        "editorial note",
        r"^(?:editor'?s note\b|the following (?:is|was) (?:an?\s+)?(?:excerpt|transcript|edited|condensed|abridged|translation|lightly edited)\b|this (?:interview|conversation|transcript|q&a) (?:has been|was) (?:lightly )?(?:edited|condensed)\b|this is an? (?:developing|breaking)(?: news)? story\b|this (?:story|article|report) (?:is developing|will be updated|is being updated)\b|check back (?:later |soon )?for (?:more |further )?updates\b|as (?:prepared|written) for delivery\b|\((?:adds?|updates?|recasts?|corrects?|rewrites?|changes?|removes?|fixes?|inserts?|refiles?|refiling|repeats?|writes? through|combines?|moves?)\b[^()]{2,200}\)$).{0,300}$",
    ),
    (
        "paywall",
        r"^(?:subscribe (?:now )?to (?:continue|keep) reading|already a subscriber\b.{0,40}|get unlimited (?:digital )?access\b.{0,80}|this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)\b.{0,60}|you have [\d.,]+ ?% of this (?:article|story) left to read\b.{0,80}|the rest is for subscribers only\.?)$",
    ),
    ("powered by", r"^(?:proudly\s+)?powered by\s+\S+.{0,30}$"),
    // What an embedded player or post prints where the scrape could not
    // show it ("Please use Chrome browser for a more accessible video
    // player"), and a picture's own buttons ("Toggle caption", "Enlarge
    // this image").
    (
        "embedded media",
        r"^(?:this (?:content|video|media|embed) (?:is not|isn't) available(?: in your (?:region|country|location))?|check out our other content|(?:please )?enable javascript to (?:view|see|watch|play) (?:this|the) (?:content|video|media|embed)|your browser (?:does not|doesn't) support (?:html5 )?(?:audio|video)(?: playback)?|(?:please )?(?:use|switch to|update|upgrade|try) (?:to )?(?:a |an |the |your |another )?(?:[\w-]+ ){0,2}browser (?:for|to) .{0,60}\b(?:video|player|audio|watch|listen|experience|view this)\b.{0,30}|(?:hide|show|toggle) caption|enlarge this image|(?:\p{L}+ )?graphics?|embedded (?:video|content|media|post|tweet|audio|player)s?)\.?$",
    ),
    // A label over a story a subscriber may read in full ("Article reserved
    // for subscribers"): the text follows, so it ends nothing.
    (
        "subscriber label",
        r"^(?:article|content|story) (?:reserved|exclusive) (?:for|to) (?:subscribers|members)\.?$",
    ),
    (
        "page identifier",
        r"^(?:news|article|story|post)\s+(?:id|code|no\.?|number)\s*:?\s*[\w-]+$",
    ),
    // A printed or PDF document's page header or footer: "Page 2 of 3".
    ("page number", r"^page\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}$"),
    (
        "end marker",
        r"^[-–—=*#]{2,}\s*(?:the\s+)?end\b[\w ]{0,30}[-–—=*#]{2,}$",
    ),
    ("text size", r"^(?:a\s*[+-]\s*){2,}$"),
    ("embedded post", r"\bpic\.twitter\.com/\w+"),
    (
        "embedded post",
        r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*.{0,40}$",
    ),
    // A printed page's address, alone or labelled ("Printed from: https://...").
    (
        "address",
        r"^(?:(?:printed\s+from|source|url|link|permalink|original\s+article|article\s+link|read\s+online(?:\s+at)?|retrieved\s+from|canonical)\s*:?\s+)?(?:https?://|www\.)\S+$",
    ),
    // Archive pages warn that a story is old ("This article is more than 2
    // years old"): a notice about the page, never its headline.
    (
        "age notice",
        r"^this (?:article|story|content|page|report) is (?:more than|over) (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?|days?) old\.?$",
    ),
    // Screen-reader labels that sites print before an image's credit and
    // caption ("Image source, Reuters", "Image caption, Troops at ...").
    (
        "photo caption",
        r"^(?:image|media|video|photo|picture|audio)\s+(?:source|caption|credit|description)s?\s*[,:].{0,300}$",
    ),
    // Wires mark an archive photo's caption so: "FILE - Soldiers stand ...",
    // "FILE PHOTO: ...".
    (
        "photo caption",
        r"^file(?:\s+photo)?\s*(?:-|–|—|:)\s+\S.{10,400}$",
    ),
    // A caption that says what its photo shows, as wires and state media
    // word them: "File photo shows ...", "This handout picture released by
    // the ministry shows ...", "A picture taken on January 28 shows ...".
    // A sentence of the article may say what a photo shows too, so the
    // photo is marked as a file, handout or undated one, or as taken,
    // released or provided.
    (
        "photo caption",
        r"^(?:this |the |an? )?(?:(?:undated|handout|file|archive)\s+(?:handout\s+|file\s+)?(?:photo(?:graph)?|picture|image|pic)\s+(?:(?:taken|released|provided|distributed|obtained|made available)\b.{0,120}?\s)?|(?:photo(?:graph)?|picture|image)\s+(?:taken|released|provided|distributed|obtained|made available)\b.{0,120}?\s)shows\s.{5,300}$",
    ),
    // Advert slots and their feedback links, and notes that the text goes
    // on below one.
    (
        "advertisement",
        r"^(?:advertisement|ad feedback|skip advertisement|(?:skip|end of) advert|advertisement\s*-\s*scroll to continue|(?:story|article|text) continues(?: (?:below|after) (?:this )?(?:advertisement|ad))?|continue reading (?:the main story|below)|remove ads?|scroll (?:down )?to (?:continue|read)(?: with| reading)?(?: (?:the )?(?:content|article|story))?)$",
    ),
    // "Our news coverage continues after the break": unanchored, as a
    // bounded run before the words costs more than every other pattern.
    (
        "advertisement",
        r"\b(?:coverage|story|article|reporting|journalism|text) continues (?:below|after (?:the|this) (?:break|ad|advertisement))\b.{0,100}$",
    ),
    (
        "share buttons",
        r"^(?:(?:link )?copied(?: to (?:the )?clipboard)?!?|copy link|(?:get (?:the )?)?short (?:url|link)|gift (?:this )?article|save(?: (?:this )?(?:article|story))?|reuse this content|save (?:articles|stories) to read later\b.{0,80}|listen to this (?:article|story)(?:\s*[·|-]?\s*\d+\s*min(?:ute)?s?)?\.?|enjoy more audio (?:and|&) podcasts on .{1,40}|(?:new!?\s+)?you can now listen to .{1,60}\b(?:articles|stories)!?)$",
    ),
    // An agency's or publisher's note on what its public site carries
    // ("This site shows only part of the stories offered to subscribers").
    (
        "subscription notice",
        // Unanchored: a bounded "^.{0,120}" before the words made this one
        // pattern cost as much as all the others together.
        r"\b(?:contains|carries|publishes|shows|offers) only (?:a )?(?:portion|part|selection|summary|some|summaries)\b.{0,200}?\bsubscribers?\b|\bcontact us for (?:subscription|licensing)\b",
    ),
    // The links to the site's other editions, by language ("English",
    // "العربية | Kurdî | English"): multilingual outlets print them above
    // the masthead.
    (
        "language switch",
        r"^(?:(?:(?:read|listen|watch|lire|leer|lesen)\s+)?(?:in\s+|en\s+|auf\s+)?(?:english|arabic|العربية|عربي|français|french|deutsch|german|türkçe|turkish|kurdî|kurdish|کوردی|sorani|kurmanji|فارسی|farsi|persian|español|spanish|русский|russian|中文|chinese|اردو|urdu|עברית|hebrew)\s*[|/·•,]?\s*){1,8}$",
    ),
    // A newsletter's or app's call, and a republishing box's offer.
    (
        "call to action",
        r"^stay (?:updated|informed|connected|tuned|up to date|in the know)\b.{0,80}$",
    ),
    // A newsletter's box: its name ("Harbour Daily Newsletter") and its
    // promise ("Keep up to date with what's happening in the region").
    (
        "call to action",
        r"^(?:the\s+)?(?:[\p{Lu}][\p{L}'’&.-]*\s+){0,4}(?:daily\s+|weekly\s+|morning\s+|evening\s+)?newsletters?:?$|^keep up to date with\b.{0,120}$",
    ),
    // A sign-up box's small print: "You can unsubscribe at any time", "By
    // signing up, you agree to our Terms of Use", "This site is protected
    // by reCAPTCHA and the Google Privacy Policy and Terms of Service
    // apply".
    (
        "call to action",
        r"^(?:you (?:can|may) unsubscribe (?:at any time|any time|whenever)\b|by (?:signing up|subscribing|registering|clicking|submitting|entering your e-?mail)\b[^.]{0,80}?\byou (?:agree|are agreeing|consent|accept|acknowledge)\b|(?:this (?:site|page|form) is )?protected by recaptcha\b).{0,300}$",
    ),
    // "For the latest news, follow us on Google News": the call with its
    // lead-in.
    (
        "follow prompt",
        r"^for (?:the )?(?:latest|more|all the latest|breaking)\b[^,]{0,40},\s*(?:follow|like|join|add)\b.{0,80}$",
    ),
    // The reader's part: a comment box's invitation, a donation appeal, a
    // feedback widget, a newsroom's call for tips, a paywall's offer, the
    // site's thanks.
    (
        "call to action",
        r"^(?:have your say|join the (?:conversation|discussion|debate))\b.{0,60}$|^(?:support (?:independent|our|quality) journalism|(?:our|independent) journalism (?:depends|relies) on (?:your|readers'?) support|(?:please )?(?:donate|make a donation|become a (?:member|supporter|patron))(?: today| now)?\b).{0,120}$|^was this (?:article|story|page|information) (?:helpful|useful)\??(?:\s*(?:yes|no)){0,2}\s*$",
    ),
    (
        "call to action",
        r"^(?:if you have (?:a story|a tip|information|news)|(?:do you have|got) (?:a story|information|a news tip))\b.{0,80}\b(?:contact|email|e-mail|write to|reach|message)\b.{0,100}$|^(?:want to read more|continue reading)\?\s*(?:subscribe|sign up|register|log in)\b.{0,80}$|^thank you for (?:reading|visiting|choosing|supporting)\b.{0,60}$",
    ),
    // A metered paywall's and an account wall's notices ("You've reached
    // your limit of free articles", "Already have an account? Log in").
    (
        "call to action",
        r"^(?:you(?:'|’)?ve|you have) (?:reached|used) (?:your|the) (?:limit|maximum|quota)(?: of)?(?: \d+)? (?:free )?(?:articles|stories|reads)\b.{0,80}$|^already (?:have an account|a (?:member|subscriber))\?\s*(?:log ?in|sign ?in)\b.{0,20}$|^create (?:a |your )?(?:free )?account to (?:read|continue|keep reading)\b.{0,60}$",
    ),
    // A note on the story's own history: "Updated at 3:15 p.m. with comments
    // from the Pentagon", "This article has been updated to include ...",
    // "Republished with permission".
    (
        "editorial note",
        r"^(?:this (?:article|story|report|post) (?:has been|was) updated\b.{0,200}|updated (?:at [\d:.]+\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?\s+)?(?:to (?:include|add|reflect|correct)|with (?:comments?|a statement|details|reaction|additional|more|new|further))\b.{0,200}|(?:re)?published (?:here )?with (?:the )?permission\b.{0,80})$",
    ),
    (
        "share buttons",
        r"^\(?(?:opens|open) in (?:a )?new (?:tab|window)\)?$",
    ),
    // The site's small print: links it does not answer for, content for
    // information only, an opinion page's disclaimer.
    (
        "site policy",
        r"^(?:\S.{0,60}\s)?(?:is|are) not responsible for the content of (?:external|third[- ]party|linked) (?:sites|websites|links|pages)\b.{0,100}$|^(?:the )?content (?:on|of) this (?:site|website) is (?:for|provided for) (?:general )?information(?:al)? (?:purposes )?only\b.{0,120}$",
    ),
    (
        "disclaimer",
        r"^disclaimer\s*:.{0,500}$|^the (?:views|opinions) expressed (?:here |herein |in this (?:article|piece|column|op-ed|commentary) )?are (?:those of the (?:author|writer)s?|the (?:author|writer)'?s? own)\b.{0,250}$",
    ),
    (
        "embedded media",
        r"^(?:photo )?gallery\s*[(:]?\s*\d{1,3}\s*(?:images|photos|pictures|slides)\)?$",
    ),
    // A media regulator's registration printed in the footer ("Harbour
    // Agency is registered as a media outlet by the Federal Service for
    // ...", "Mass media registration certificate No. ...").
    (
        "registration notice",
        r"^(?:[\p{L}\d .&'’-]{1,60}\s)?(?:is|was|are) registered as an? (?:mass[- ])?media (?:outlet|organi[sz]ation|entity)\b.{0,300}$|^(?:mass[- ])?media (?:outlet )?registration (?:certificate|no\.?|number)\b.{0,200}$",
    ),
    // An app store's badge under an app's call ("Get it on Google Play"),
    // a newsletter box's e-mail field ("Enter your email").
    (
        "call to action",
        r"^(?:get it on|download (?:it )?on|available on(?: the)?|download from(?: the)?) (?:the )?(?:google play|app store|app gallery|appgallery)$|^(?:(?:enter|type) )?your e-?mail(?: address)?(?: here)?\.?$",
    ),
    // A newsroom's appeal for tips ("Have a confidential tip for our
    // reporters? Get in touch", "Got a news tip? Contact us").
    (
        "call to action",
        r"^(?:have|got) an? (?:confidential |news |story )?(?:tip|story)(?: for (?:us|our (?:reporters|journalists|newsroom|team)))?\?(?:\s*(?:get in touch|contact us|email us|tell us)\b.{0,40})?$|^get in touch$",
    ),
    (
        "republishing box",
        r"^(?:republish (?:this|our) (?:article|articles|story|stories)\b.{0,160}|we believe in the free flow of information\.?)$",
    ),
    // A reader-funded site's appeal under the article ("Support our
    // independent reporting ... by considering a one-time or monthly
    // donation").
    (
        "donation appeal",
        r"\b(?:support our (?:\w+ )?(?:journalism|reporting|work|newsroom)|(?:make|consider(?:ing)?) an? (?:one-time|monthly|tax-deductible)(?: or monthly)? donation|journalism is (?:made possible|funded|supported) by (?:its |our )?(?:readers|you|supporters|members))\b",
    ),
    // Newspapers' notes on the printed edition and reprints.
    (
        "print edition note",
        r"^(?:a version of this (?:article|story) (?:appears|appeared) in print\b.{0,400}|(?:this (?:article|story) )?appeared in the .{0,60}\bprint edition\b.{0,300}|order reprints\b.{0,80})$",
    ),
    // A page's licence badge and a link to the article in another language.
    (
        "licence badge",
        r"^creative commons licen[cs]e\.?$|^this (?:work|article) is licen[cs]ed under a creative commons\b.{0,120}$|^(?:creative commons\s*:?\s*)?some rights reserved\.?$",
    ),
    // A think tank's note on the programme a piece was written for: "This
    // publication is part of the Harbour Council's Project on ...".
    (
        "programme note",
        r"^this (?:publication|article|post|blog post|piece|report|analysis|commentary|paper|brief) (?:is|was) (?:part of|produced (?:as part of|under|by|with)|made possible by|supported by|funded by)\s.{2,200}$",
    ),
    (
        "language switch",
        r"^(?:to )?read this (?:article|story|piece|report) in (?:french|arabic|english|kurdish|persian|farsi|turkish|german|spanish|hebrew)\b.{0,40}$",
    ),
    // An opinion piece's disclaimer ("The views expressed in this article
    // are the author's own ..."), a newsroom's link to its standards ("Why
    // you can trust ...").
    (
        "disclaimer",
        r"^(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this \w+(?: \w+)? )?(?:here(?:in)? )?(?:(?:are|is) (?:solely )?(?:those of |the (?:views|opinions)(?: and (?:views|opinions))? of )?|belong (?:solely )?to )the (?:authors?|writers?|contributors?)(?:'s?|’s?)?\b.{0,250}$|^(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this \w+(?: \w+)? )?(?:here(?:in)? )?(?:by (?:the )?(?:authors?|writers?|contributors?) )?do(?:es)? not necessarily (?:reflect|represent)\b.{0,200}$",
    ),
    (
        "trust badge",
        r"^why (?:you can|to) trust (?:us|\p{Lu}[\p{L}&.' ]{0,40})$|^(?:\p{Lu}[\p{L}&.' ]{0,40} is )?an? trust project member$|^(?:a )?member of the trust project$",
    ),
    // A search engine's or archive's cached copy announces itself above
    // the page, with its own links ("Full version", "View source").
    (
        "cached copy",
        r"^this is (?:\S+ )?(?:the )?cached? (?:copy|version|snapshot) of\b.{0,500}$|\bis a snapshot of the page as it appeared on\b",
    ),
    (
        "cached copy",
        r"^(?:(?:full|text-only|text only|plain text) version|view source)$",
    ),
    // The reporter's address under the story ("Write to Jane Roe at
    // jane.roe@example.com"): a contact line, not prose.
    (
        "contact line",
        r"^(?:write to|contact|e-?mail|reach|you can reach) .{0,160}\S@\S+\.\w{2,}.{0,160}$|^(?:press |media )?contacts?:\s*\p{Lu}.{0,60}(?:\(\d{3}\)\s*\d{3}-\d{4}|\+?\d[\d .-]{7,}\d)$",
    ),
    // The article in another of the site's editions ("This article is
    // available in French", "Read this story in Arabic").
    (
        "language switch",
        r"^(?:(?:this|the) (?:article|story|piece|report) is (?:also )?available in \p{L}+\b.{0,120}|read (?:this|the) (?:article|story) in \p{L}+\b.{0,80}|(?:also )?available in(?: \p{L}+){1,3})$",
    ),
    // The newsroom's addition to a byline, on a line of its own ("Reporting
    // from Baghdad", "Jane Roe reported from Washington, and John Doe from
    // Erbil.").
    ("byline", r"^reporting from (?-i:\p{Lu}).{0,80}$"),
    (
        "byline",
        r"^(?-i:\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})(?:(?:,\s+|,?\s+and\s+)(?-i:\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})){0,3}\s+reported from\s+\p{Lu}.{0,150}$",
    ),
    // A desk credit in place of a byline ("MEE staff", "Reuters Staff",
    // "Levant Staff & Agencies", "Web Desk"); a desk's own name ("Capitol Desk") can be a masthead.
    (
        "byline",
        r"^(?-i:(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4})(?:staff|staff writers?|staff reporters?)(?:\s*(?:&|and)\s*(?:agencies|wires))?$|^(?:web|news|online|digital) desk$",
    ),
    // A time alone after "Updated" (the date is on another line).
    (
        "timestamp",
        r"^(?:(?:updated|last updated|published|posted)(?:\s+at)?\s*:?\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}|gmt[+-]?\d*)?$",
    ),
    // Notes on where else the site can be read, and on republishing it.
    (
        "site notice",
        r"\b(?:web\s?site|site)\b.{0,40}?\b(?:can (?:also )?be (?:accessed|reached)|alternate address(?:es)?|mirror sites?)\b|\brepublish(?:ing)? (?:this|our) (?:content|article|story|material)\b",
    ),
    // An author's social media handle on a line of its own, beside the
    // byline ("@shaddad", "Follow @shaddad").
    ("social handle", r"^(?:follow\s+)?@\w{2,30}$"),
    // A menu's empty state: "There are no new alerts at this time".
    (
        "navigation",
        r"^(?:there are no|you have no|no) (?:new |unread )?(?:alerts|notifications|messages|saved (?:articles|stories))(?: (?:at this time|right now|yet))?\.?$",
    ),
    // The programme a broadcaster's story aired on ("Heard on Morning
    // Edition", "As seen on Nightly News").
    (
        "programme note",
        r"^(?:as\s+)?(?:heard|seen|aired|broadcast) on\s+\p{Lu}[^.!?]{0,60}$",
    ),
    // Broadcasters' notes on their transcripts.
    (
        "transcript note",
        r"\bmay not be in (?:its|their) final form\b|^transcripts? (?:is|are) (?:created|produced|generated|prepared) (?:on|by|from)\b",
    ),
    // Aggregators' notes on stories they print from an agency's feed
    // unedited ("This story has not been edited by ... staff and is
    // auto-generated from a syndicated feed").
    (
        "syndication note",
        r"\b(?:has|have) not been edited by\b.{0,60}\b(?:staff|team|desk|editors)\b|\b(?:auto-generated|published|generated) from (?:a|the) syndicated (?:news )?feed\b",
    ),
    // A page's print view: where and when it was printed.
    (
        "print view",
        r"^(?:printed (?:from|on|at)\b\s*:?.{0,300}|this copy is for your personal,? non-commercial use only\b.{0,300}|print (?:this page|article)\s*\|\s*close(?: window)?)$",
    ),
    // The tool that saved the page: a web archive's toolbar ("The Wayback
    // Machine - https://web.archive.org/...", "34 captures", "About this
    // capture"), a clipper's or a reader's note of where and when.
    (
        "page wrapper",
        r"^(?:the wayback machine\b.{0,400}|\d[\d,]* captures?|about this capture|(?:clipped|saved|retrieved|archived|captured|accessed)(?: from| on| at)?\s*:\s*.{1,300})$",
    ),
    // A report's notes, each on its own line: "[3] Statement on Telegram,
    // January 30, 2024."
    ("endnote", r"^\[\d{1,3}\]\s+\S.{0,400}$"),
    // The legal footnote Russian outlets star a group's name for: "*Harbour
    // Front is a terrorist organisation banned in Russia", "... recognised
    // as extremist and banned in the Russian Federation".
    (
        "endnote",
        r"^\*.{1,200}\b(?:banned|outlawed|prohibited|liquidated)\b.{0,40}\bin (?:russia|the russian federation)\b.{0,80}$",
    ),
    // A summary box above the article: its label, and the note that a
    // machine wrote it (see `clean::summaries_and_briefers`, which takes
    // its points too).
    (
        "summary box",
        r"^(?:key (?:points|takeaways|facts)|at a glance|in brief|story highlights|highlights|summary|(?:ai|ai-generated|article) summary|quick read|tl;?\s?dr)\s*:?$|^this summary (?:was|is|has been) (?:generated|written|produced|created)\b.{0,120}$",
    ),
    ("video label", r"^video duration\b.{0,60}$"),
    // "This article was translated from Arabic.": the page's note on its
    // language (whoever translated it: "Translated by" is a credit).
    (
        "translation note",
        r"^(?:this (?:article|story|report|piece|text|interview) (?:was|has been|is|has been machine|was machine|was automatically) )?(?:auto-|machine-)?translated (?:from|into) (?:the )?\p{L}+(?: language| original)?(?: by .{1,60})?\.?$",
    ),
    // "The Harbour Press receives support from several private foundations
    // ...", "... is solely responsible for all content.": a news agency's
    // note on who funds its coverage, under every story. (Its funders are
    // a note's: "The PMF received support from Iran." is the story's.)
    (
        "funding note",
        r"^(?:the\s+)?(?-i:\p{Lu})[\p{L}'’&. ]{1,40}\s+(?:receives|received) (?:financial )?(?:support|funding) from .{0,120} (?:foundations?|donors?|philanthropists?|philanthropic|grants?|endowments?|readers|members|supporters)(?:[ .,;]|$).{0,100}$|^\p{Lu}[\p{L}'’&. ]{1,40}\s+is solely responsible for all content\.?$|^\p{Lu}[\p{L}'’&. ]{1,60}\s+provides? funding as (?:a |an )?(?:founding )?(?:member|partner) of .{2,80}$",
    ),
    // "Audio is AI-generated and may contain errors": the note under a
    // read-aloud player.
    (
        "audio player",
        r"^(?:this\s+)?audio (?:is|was) (?:ai|automatically|machine|computer)[- ]generated\b.{0,100}$",
    ),
    // "Jane Roe author image": the text of an author's photo beside the
    // byline (its alternative text, scraped with the page).
    (
        "author photo",
        r"^(?:\p{L}[\p{L}.'’-]*\s+){0,4}(?:author|profile|contributor|reporter|writer|columnist)(?:'s|’s)?\s+(?:image|photo|picture|pic|avatar|headshot|thumbnail)$",
    ),
    // A photo gallery's counter and buttons ("1 of 4", "Next image"); the
    // line after the counter is its caption (`is_caption_label`).
    (
        "gallery",
        r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}$|^(?:next|previous|prev) (?:image|photo|picture|slide)$",
    ),
    // A republished piece's notes: the author's disclosure and where it
    // first appeared (whose publisher the article credits).
    (
        "disclosure",
        r"\bdoes not work for, consult, own shares in or receive funding from\b|\bha(?:s|ve) disclosed no relevant affiliations\b",
    ),
    (
        "wire credit",
        r"^this (?:article|story|piece|report|essay|commentary|analysis|column) (?:(?:is|was|has been) (?:originally |first )?(?:re)?published (?:from|by|in|with permission (?:from|of))|(?:first|originally) appeared (?:in|on|at))\b.{0,200}$",
    ),
    // Wire services end a story with a marker word.
    (
        "end marker",
        r"^(?:enditem|\(end\)|-\s*ends?\s*-|###|-30-)$",
    ),
];

/// Names of the default patterns that end the article when met after it has
/// started (boilerpipe's terminating blocks): hard ones end it for good,
/// soft ones until the next good paragraph.
fn termination(reason: &str) -> Option<bool> {
    match reason {
        "comment widget" | "comment heading" | "comment author" | "end marker" | "paywall"
        | "author box" | "next article" | "legal notice" => Some(true),
        "promo heading" => Some(false),
        _ => None,
    }
}

/// The line patterns that mark page chrome.
pub struct Boilerplate {
    patterns: Vec<Pattern>,
}

/// One chrome pattern, with the most visible (non-space) characters a
/// line it matches can have when the pattern must match the whole line
/// (`^...$` in every alternative): most are such, and an article's
/// paragraphs are longer than any of them, so a long line skips them
/// without running the matcher (75 patterns were tried against every
/// paragraph of every source). Spaces are not counted because patterns
/// allow any run of them (`\s*`).
#[derive(Clone)]
struct Pattern {
    why: String,
    re: Regex,
    longest: Option<usize>,
    /// The bytes a line it matches can begin with, when the pattern is
    /// anchored at the line's start and they are few: a line beginning
    /// otherwise is not run through it. Most lines fail most patterns on
    /// their first character, and calling the matcher costs more than
    /// that first step (one call per pattern per line was a tenth of
    /// ingest).
    first_bytes: Option<Box<[bool; 256]>>,
}

impl Pattern {
    fn new(why: String, re: Regex) -> Pattern {
        let (longest, first_bytes) = match whole_line_hir(re.as_str()) {
            Some(hir) => (line_bound(&hir), first_bytes_of(&hir)),
            None => (None, None),
        };
        Pattern {
            why,
            re,
            longest,
            first_bytes,
        }
    }

    /// A default pattern (case-insensitive), compiled with its long
    /// counted runs made open when it must match a whole line: the length
    /// filter ([`Pattern::cannot_match`]) still bounds the line by the
    /// pattern as written. A run like `[\p{L}&' ]{0,40}` compiles to forty
    /// copies of the Unicode letter class (~9,000 automaton states); made
    /// open it is one copy. Compiling the defaults as written took a
    /// quarter of a one-source ingest and ~100 MB of automata.
    fn default(why: &str, re: &str) -> Pattern {
        let text = format!("(?i){re}");
        let hir = whole_line_hir(&text);
        let longest = hir.as_ref().and_then(line_bound);
        let compiled = match (&hir, longest) {
            (Some(hir), Some(_)) => Regex::new(&open_long_runs(hir).to_string()),
            _ => Regex::new(&text),
        };
        Pattern {
            why: why.to_string(),
            re: compiled.expect("default pattern"),
            longest,
            first_bytes: hir.as_ref().and_then(first_bytes_of),
        }
    }

    /// Whether `line` (trimmed, with `visible` non-space characters) cannot
    /// match: too long, or beginning with a byte no match begins with.
    fn cannot_match(&self, line: &str, visible: usize) -> bool {
        self.longest.is_some_and(|most| visible > most)
            || self.first_bytes.as_ref().is_some_and(|first| {
                line.as_bytes()
                    .first()
                    .is_some_and(|&b| !first[usize::from(b)])
            })
    }
}

/// `pattern` parsed, when it is anchored at the line's start. Read as
/// case-insensitive: a site's patterns are compiled so without saying it
/// in their text (`config::compile_line_pattern`), and for a pattern that
/// is not, the first bytes of either case are still all the bytes a match
/// can begin with.
fn whole_line_hir(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .ok()
        .filter(|hir| hir.properties().look_set_prefix().contains(Look::Start))
}

/// The most visible characters a line `hir` matches can have, when it
/// must match the whole line (anchored at both ends).
fn line_bound(hir: &Hir) -> Option<usize> {
    if hir.properties().look_set_suffix().contains(Look::End) {
        most_visible(hir)
    } else {
        None
    }
}

/// `hir` with every counted run of more than [`LONG_RUN`] made open
/// (`x{1,40}` -> `x{1,}`): only for patterns whose matches the length
/// filter bounds.
fn open_long_runs(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Repetition(rep) => {
            let max = rep.max.filter(|&m| m <= LONG_RUN);
            Hir::repetition(regex_syntax::hir::Repetition {
                max,
                sub: Box::new(open_long_runs(&rep.sub)),
                ..rep.clone()
            })
        }
        HirKind::Capture(cap) => Hir::capture(regex_syntax::hir::Capture {
            sub: Box::new(open_long_runs(&cap.sub)),
            ..cap.clone()
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(open_long_runs).collect()),
        HirKind::Alternation(alts) => Hir::alternation(alts.iter().map(open_long_runs).collect()),
        _ => hir.clone(),
    }
}

/// Counted runs up to this long are compiled as written.
const LONG_RUN: u32 = 4;

/// The bytes a match of `hir` (anchored at the start) can begin with,
/// read by regex-syntax's literal extractor cut to one byte; `None` when
/// they are not a short finite list or the pattern can match nothing.
fn first_bytes_of(hir: &Hir) -> Option<Box<[bool; 256]>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_literal_len(1);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    let mut first = Box::new([false; 256]);
    for lit in literals {
        first[usize::from(*lit.as_bytes().first()?)] = true;
    }
    Some(first)
}

/// The most non-space characters a match of `hir` can have; `None` when
/// unbounded.
fn most_visible(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(match std::str::from_utf8(&lit.0) {
            Ok(s) => s.chars().filter(|c| !c.is_whitespace()).count(),
            Err(_) => lit.0.len(),
        }),
        HirKind::Class(class) => Some(usize::from(!only_spaces(class))),
        HirKind::Repetition(rep) => match most_visible(&rep.sub)? {
            0 => Some(0),
            each => each.checked_mul(usize::try_from(rep.max?).ok()?),
        },
        HirKind::Capture(cap) => most_visible(&cap.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .try_fold(0usize, |sum, h| sum.checked_add(most_visible(h)?)),
        HirKind::Alternation(alts) => alts
            .iter()
            .try_fold(0usize, |most, h| Some(most.max(most_visible(h)?))),
    }
}

/// A class of white space only (`\s`, `[ \t]`).
fn only_spaces(class: &Class) -> bool {
    match class {
        Class::Unicode(c) => c.ranges().iter().all(|r| {
            (u32::from(r.start())..=u32::from(r.end())).count() <= 64
                && (r.start()..=r.end()).all(char::is_whitespace)
        }),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii_whitespace())),
    }
}

/// The default patterns, compiled once.
fn default_patterns() -> &'static [Pattern] {
    static DEFAULTS: OnceLock<Vec<Pattern>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        // Compiled in parallel: together they take milliseconds.
        DEFAULT_BOILERPLATE
            .par_iter()
            .map(|(why, re)| Pattern::default(why, re))
            .collect()
    })
}

/// "Editor’s note", "That’s all": the patterns spell apostrophes straight,
/// most sites print them curly.
fn straight_apostrophes(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains('’') {
        line.replace('’', "'").into()
    } else {
        line.into()
    }
}

/// Does a default pattern name `line` chrome ("Skip to content", "Listen
/// to this article")? For the line reader, before a site's patterns are
/// at hand.
pub fn is_default_chrome(line: &str) -> bool {
    let t = &*straight_apostrophes(line.trim());
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    default_patterns()
        .iter()
        .any(|p| !p.cannot_match(t, visible) && p.re.is_match(t))
}

impl Boilerplate {
    /// The defaults plus the user's patterns (already validated).
    pub fn new(extra: &[Regex]) -> Boilerplate {
        let mut patterns = default_patterns().to_vec();
        patterns.extend(
            extra
                .iter()
                .map(|r| Pattern::new("site.toml pattern".to_string(), r.clone())),
        );
        Boilerplate { patterns }
    }

    /// Why `line` is boilerplate, if it is.
    pub fn matches(&self, line: &str) -> Option<&str> {
        let t = &*straight_apostrophes(line.trim());
        let visible = t.chars().filter(|c| !c.is_whitespace()).count();
        self.patterns
            .iter()
            .filter(|p| !p.cannot_match(t, visible))
            .find(|p| p.re.is_match(t))
            .map(|p| p.why.as_str())
    }
}

/// An image library's credit alone on its line, printed over the caption
/// ("Getty Images", "AFP via Getty Images"): a line under it without a
/// final full stop is the caption.
pub fn is_image_credit(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    // The photographer or agency before "via" is at most 40 characters,
    // counted here: as `{1,40}` in the pattern it was forty copies of the
    // letter class (12,000 automaton states).
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:([\p{L}.\- ]+)\s+via\s+)?(?:getty images|shutterstock|alamy(?: stock photo)?|epa-efe|afp/getty images|pool/getty images)$")
            .unwrap()
    })
    .captures(line.trim())
    .is_some_and(|c| {
        c.get(1)
            .is_none_or(|by| by.as_str().trim_end_matches(' ').chars().count() <= 40)
    })
}

/// A picture's credit under its label on a short line of its own ("Image:
/// Jane Roe/EPA", "Photo: AFP"), printed under the caption: a line above it
/// without a final full stop is the caption.
pub fn is_labelled_credit(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let line = line.trim();
    line.chars().count() <= 60
        && R.get_or_init(|| {
            Regex::new(r"(?i)^(?:image|photo|picture|photograph|foto|credit)s?\s*:\s*\S").unwrap()
        })
        .is_match(line)
}

/// A label a screen reader says before an image's caption, printed on its
/// own line with the caption on the next ("Image caption,"), or a photo
/// gallery's counter ("1 of 4"): that next line is the caption, whatever
/// its shape.
pub fn is_caption_label(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:image|media|video|photo|picture)\s+(?:caption|description)s?\s*[,:]?$|^\d{1,3}\s*(?:of|/)\s*\d{1,3}$")
            .unwrap()
    })
    .is_match(line.trim())
}

/// A photo gallery's counter on a line of its own ("1 of 4", "2/3").
pub fn is_gallery_counter(line: &str) -> bool {
    let t = line.trim();
    let (a, b) = match t.split_once(" of ").or_else(|| t.split_once('/')) {
        Some(parts) => parts,
        None => return false,
    };
    let number = |p: &str| {
        let p = p.trim();
        (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())
    };
    number(a) && number(b)
}

/// A video or gallery player's label on a line of its own ("Video",
/// "Watch", "Gallery"): the player's title and blurb follow it.
pub fn is_media_label(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:video|watch|watch video|play video|play|gallery|photos?|audio|listen)$",
        )
        .unwrap()
    })
    .is_match(line.trim())
}

/// A picture's own buttons around its caption: "Enlarge this image" over
/// it (`Some(true)`), "Toggle caption" / "Hide caption" under it
/// (`Some(false)`).
pub fn picture_button(line: &str) -> Option<bool> {
    let line = line.trim().trim_end_matches('.');
    if line.eq_ignore_ascii_case("enlarge this image") {
        return Some(true);
    }
    ["hide caption", "toggle caption", "show caption"]
        .iter()
        .any(|b| line.eq_ignore_ascii_case(b))
        .then_some(false)
}

/// jusText's classes of a text line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// Long and grammatical: article text whatever surrounds it.
    Good,
    /// Grammatical but not long: article text next to article text.
    NearGood,
    /// Too short to tell: takes the class of its neighbours.
    Short,
    /// Long but not prose, or chrome.
    Bad,
}

/// Below this many characters a line is too short to judge on its own.
const LENGTH_LOW: usize = 70;
/// Above this many characters a grammatical line is article text.
const LENGTH_HIGH: usize = 200;
/// Stop-word shares: below `LOW` a long line is a list, not prose; from
/// `HIGH` it is prose. Running news prose measures 0.25-0.5 with our list;
/// menus, link lists and headline lists 0-0.15.
const STOPWORDS_LOW: f32 = 0.18;
const STOPWORDS_HIGH: f32 = 0.26;

/// The class of a text line on its own (jusText's context-free step). A
/// sentence (capital to full stop, five words or more) is never merely
/// short: the lead of a news story is often one short sentence.
pub fn density(shape: &Shape) -> Density {
    if shape.letters == 0 {
        return Density::Bad;
    }
    let sentence = shape.sentence_end && shape.starts_like_a_sentence && shape.words >= 5;
    // Scripts the stop list barely covers are judged by length and punctuation.
    let stop = if shape.mostly_non_latin() {
        shape
            .stop_share
            .max(if sentence { STOPWORDS_HIGH } else { 0.2 })
    } else {
        shape.stop_share
    };
    if shape.chars < LENGTH_LOW {
        if sentence && stop >= STOPWORDS_LOW {
            Density::NearGood
        } else {
            Density::Short
        }
    } else if stop >= STOPWORDS_HIGH {
        if shape.chars > LENGTH_HIGH || (sentence && shape.words >= 20) {
            Density::Good
        } else {
            Density::NearGood
        }
    } else if stop >= STOPWORDS_LOW
        || (sentence && shape.words >= LEAD_WORDS)
        || (sentence && shape.reporting && shape.words >= REPORTED_WORDS)
    {
        // A whole sentence this long is prose even when names crowd out the
        // grammar words ("Rockets hit Camp Falcon, a base near Nasiriyah, on
        // Wednesday, killing two contractors, Iraqi security sources said."):
        // a news lead often is; so is a shorter one that names who says it
        // ("Ministry spokesman Nasser Kanaani told reporters the strikes
        // violated Syrian sovereignty."). Near-good, so it needs good text
        // beside it: a list of headlines ending in full stops stays out.
        Density::NearGood
    } else {
        Density::Bad
    }
}

/// Words of a sentence that is prose whatever its share of stop words.
pub const LEAD_WORDS: usize = 15;

/// Words of a sentence with a verb of reporting that is prose whatever its
/// share of stop words.
const REPORTED_WORDS: usize = 8;

/// Why a line is chrome by its shape alone, if it is: a menu, a call to
/// action, a relative time, a caption.
pub fn chrome_by_shape(line: &str, shape: &Shape) -> Option<&'static str> {
    if is_menu(line, shape) {
        return Some("navigation");
    }
    if shape.chars <= 200 && relative_time(line).is_some() || is_day_and_time(line) {
        return Some("relative time");
    }
    if shape.chars <= 160 && (is_call_to_action(line) || addresses_the_reader(line)) {
        return Some("call to action");
    }
    if shape.chars <= 400 && is_caption(line, shape) {
        return Some("photo caption");
    }
    if is_category_list(line, shape) {
        return Some("category list");
    }
    None
}

/// "Asia & Americas, Iraq, Middle East, News, US": the sections a page is
/// filed under, printed as one line of capitalised items between commas.
fn is_category_list(line: &str, shape: &Shape) -> bool {
    if shape.sentence_end || shape.words > 24 {
        return false;
    }
    let items: Vec<&str> = line.split(',').map(str::trim).collect();
    // "Jane Roe, John Doe, and Omar Rashid": a byline of several authors.
    let people = || {
        items.iter().all(|item| {
            let item = item.strip_prefix("and ").unwrap_or(item);
            super::header::is_plausible_person_name(item)
        })
    };
    items.len() >= 4
        && items.iter().all(|item| {
            let n = item.split_whitespace().count();
            (1..=3).contains(&n)
                && item.split_whitespace().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(w, "&" | "and" | "of")
                })
        })
        && !people()
}

/// Short items between separators, no sentence: "Home | World | Video",
/// "Home / Local / Security", "Brent ▼ | WTI ▼".
fn is_menu(line: &str, shape: &Shape) -> bool {
    if shape.sentence_end && shape.words > 12 {
        return false;
    }
    // "Home  Politics  Security  Economy": links a scraper joined with gaps.
    let gapped: Vec<&str> = line
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if gapped.len() >= 3
        && gapped.iter().all(|i| {
            i.split_whitespace().count() <= 3 && i.starts_with(|c: char| !c.is_lowercase())
        })
    {
        return true;
    }
    // "Home : Media : Press Releases": a breadcrumb between colons (one
    // colon with spaces may be a French-style headline's).
    let colon_items: Vec<&str> = line.split(" : ").map(str::trim).collect();
    if colon_items.len() >= 3
        && colon_items.iter().all(|i| {
            (1..=4).contains(&i.split_whitespace().count()) && i.starts_with(char::is_uppercase)
        })
    {
        return true;
    }
    if shape.separators == 0 {
        return false;
    }
    let items: Vec<&str> = line
        .split(['|', '·', '•', '»', '›', '>', '/', '▼', '▲', '▶', '►'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    // "AA | Anka Agency": a nameplate's acronym and the name it stands for.
    if let [a, b] = items[..]
        && (initials_of(a, b) || initials_of(b, a))
    {
        return false;
    }
    let long_items = items
        .iter()
        .filter(|i| i.split_whitespace().count() > 4)
        .count();
    items.len() >= 2 && long_items * 3 <= items.len().saturating_sub(1) && shape.stop_share < 0.25
}

/// "AA" of "Anka Agency", "INA" of "Iraqi News Agency": an acronym made of
/// the initials of a name's capitalised words (short joining words left out).
fn initials_of(acronym: &str, name: &str) -> bool {
    let capitalised: String = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&"))
        .map(|w| w.chars().next().unwrap_or(' '))
        .collect();
    (2..=6).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && capitalised.chars().all(char::is_uppercase)
        && capitalised == acronym
}

/// "3 hours ago", "Updated 5 minutes ago", "yesterday": the time an
/// aggregator or an app shows, never the article's date. Returns the match.
pub fn relative_time(line: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:\d+|an?|one|two|three|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago\b|\bjust now\b").unwrap()
    })
    .find(line)
    .map(|m| m.as_str())
}

/// "Today, 3:41 pm", "Yesterday at 18:05 GMT": a time stamp with no date.
fn is_day_and_time(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:today|yesterday)\b[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5}(?:[+-]\d{1,2})?)?$").unwrap()
    })
    .is_match(line.trim())
}

/// Verbs that open a call to action: "Sign in to ...", "Download the app".
const ACTION_VERBS: &[&str] = &[
    "subscribe",
    "catch",
    "track",
    "sign",
    "log",
    "login",
    "register",
    "download",
    "install",
    "get",
    "follow",
    "join",
    "share",
    "click",
    "tap",
    "read",
    "watch",
    "listen",
    "switch",
    "open",
    "load",
    "show",
    "see",
    "send",
    "copy",
    "print",
    "leave",
    "add",
    "accept",
    "manage",
    "continue",
    "skip",
    "back",
    "view",
    "explore",
    "discover",
    "try",
    "enable",
    "allow",
    "visit",
    "contact",
    "support",
    "donate",
    "comment",
    // "Become a member", "Report an error": a site's own buttons.
    "become",
    "report",
];

/// Words that follow an action verb in a call to action (and not in a
/// headline: "Follow our live page", "Sign in to", "Get the app").
const ACTION_OBJECTS: &[&str] = &[
    "in",
    "up",
    "out",
    "on",
    "to",
    "our",
    "the",
    "this",
    "your",
    "us",
    "more",
    "all",
    "now",
    "here",
    "a",
    "an",
    "independent",
    "for",
    "with",
    "comments",
    "story",
    "article",
    "app",
    "link",
    "free",
    "earlier",
    "unlimited",
    "full",
    "latest",
];

/// "Sign in to personalise your feed", "Download the NewsPulse app",
/// "Switch to the light version?", "Listen to this article".
fn is_call_to_action(line: &str) -> bool {
    // "Newsletter: Get our weekly digest": a label, then the call.
    if let Some((label, rest)) = line.split_once(": ")
        && label.split_whitespace().count() <= 2
        && is_call_to_action(rest)
    {
        return true;
    }
    let mut words = line.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    let n = line.split_whitespace().count();
    // "Get EarthLine's weekly digest": a possessive name is an object too.
    let object = |s: &str| ACTION_OBJECTS.contains(&s) || s.ends_with("'s") || s.ends_with("’s");
    // A call to action has no full stop; "Read the statement below." is
    // prose. Three words are a button whatever ends them ("Sign up here.").
    // "Download the NewsPulse app for your iOS or Android devices.": an
    // app's offer, whatever ends it.
    let names_an_app = || {
        line.split(|c: char| !c.is_alphanumeric())
            .any(|w| ["app", "apps", "iOS", "Android", "iPhone"].contains(&w))
    };
    // "Become a member", "Report an error": as buttons, a few words; a
    // headline may open with these verbs.
    if matches!(first.as_str(), "become" | "report") && n > 4 {
        return false;
    }
    ACTION_VERBS.contains(&first.as_str())
        && ((!line.trim_end().ends_with('.') || n <= 3)
            && n <= 14
            && (n <= 2 || second.as_deref().is_some_and(object))
            || n <= 25 && offers_the_news(line)
            || n <= 20 && second.as_deref().is_some_and(object) && names_an_app())
}

/// "Get World News along with Latest News and Top Headlines ...": a
/// site's offer of its news feed, after a verb of action.
fn offers_the_news(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:latest|breaking|top)(?: \w+)? (?:news|headlines|stories|updates)\b|\bnews (?:alerts|updates)\b").unwrap()
    })
    .is_match(line)
}

/// A line that speaks to the reader about the site: "Comments are reviewed
/// by our editors", "This live page is now closed", "Get our briefing in
/// your inbox".
fn addresses_the_reader(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:our|your)\s+(?:\w+\s+){0,2}(?:editors?|newsletters?|apps?|website|site|live (?:page|blog)|inbox|feed|account|subscription|browser|experience|comments?|privacy|terms|podcasts?|channels?|notifications|email address|community guidelines)\b|\bthis (?:live )?(?:page|blog) is (?:now )?closed\b|\bcomments are (?:moderated|reviewed|closed)\b|\b(?:removed|closed|disabled) (?:its|the|our) comments? sections?\b|\bjoin the (?:conversation|discussion)\b|^join (?:the |our )?(?:[\w-]+\s+){0,2}(?:conversations?|discussions?|debates?|forums?)\b|\b(?:other|fellow) readers\b|\breaders like you\b|^(?:click|tap|press) here\b|^thanks for reading\b|^you(?:'re| are) receiving this (?:e-?mail|newsletter)\b|\bforward(?:ed)? (?:this|it) to a friend\b|^was this (?:e-?mail|newsletter) forwarded\b|^forwarded this (?:e-?mail|newsletter|message)\b|^that['’]?s (?:it|all) for (?:today|this week|this issue|now)\b").unwrap()
    })
    .is_match(line)
}

/// A photo caption: a credit ("Photo: ...", "(AFP)", "Getty Images", "©")
/// in a line that is not a paragraph of the article.
fn is_caption(line: &str, shape: &Shape) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:\b(?:file\s+)?(?:photo|image|picture|photograph)\s*(?:credit)?\s*:|\bgetty images\b|\bvia getty\b|(?:^|[.!?]\s+)credits?\s*:\s*\S[^.!?]{0,80}$|(?:^|[.!?]\s*)credit(?:\.\.\.|…)\s*\S|\b(?:afp|ap|reuters|epa|anadolu)\s*(?:photo|/)|©)").unwrap()
    });
    // "U.S. troops in Anbar, 2020.Credit...Jane Roe for The Daily": a
    // credit run into the caption, as some sites print it, counts too.
    // Long paragraphs carry credits too ("... (LBC; File Photo: ... ©
    // CENTCOM)"): those are taken out of the paragraph, not dropped with it.
    // "Iraqi Prime Minister Mohammed Shia al-Sudani. (AFP)", "... (Reuters
    // file photo)": a short line that ends with the picture's credit in
    // parentheses.
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let credit = CREDIT.get_or_init(|| {
        Regex::new(r"(?i)[.!?]?\s*[(\[](?:[^()\[\]]*[/:]\s*)?(?:afp|ap|reuters|epa|anadolu|xinhua|getty(?: images)?|handout|file|photo|staff\s+(?:photo|picture|image)|sana|ina|irna|courtesy\b[^()\[\]]{0,60})(?:\s+(?:file\s+)?(?:photo|picture|image)s?)?(?:\s*[/:][^()\[\]]*)?[)\]]$").unwrap()
    });
    // A credit of any photographer or agency: capitalised names split by
    // slashes ("(Jane Roe/EPA-EFE/Shutterstock)", "(Sgt. John Doe/Army)"),
    // or an agency's "Photo" ("(AA Photo)"). A sentence's own aside in
    // brackets is lower case, a number or a party label, not this.
    static NAMED: OnceLock<Regex> = OnceLock::new();
    let named = NAMED.get_or_init(|| {
        Regex::new(r"[(\[](?:[A-Z][^()\[\]/]{1,60}(?:/[A-Z][^()\[\]/]{1,40})+|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3} (?:Photos?|Images?|Pictures?))[)\]]$").unwrap()
    });
    // A credit after a bar, as some sites print it under the picture: "An
    // Iraqi soldier stands guard. | AP", "... | Jane Roe/Getty Images" (a
    // photographer's name in capitals). The caption before the bar is a
    // sentence (a byline or a headline with its outlet after a bar does
    // not end in a full stop).
    static BARRED: OnceLock<Regex> = OnceLock::new();
    let barred = BARRED.get_or_init(|| {
        Regex::new(r"\w[.!?][\x22\u{201D}']?\s+\|\s+(?:(?i:afp|ap|reuters|epa(?:-efe)?|anadolu|xinhua|getty images|handout|file|sana|ina|irna)|(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*\s*/\s*[A-Z][\w. -]{1,30})$").unwrap()
    });
    // The agency's name alone after the caption's full stop, as a credit
    // under the picture prints it: "Lawmakers attend a session in Baghdad.
    // Reuters", "... at the terminal. — Reuters file". An article's
    // sentence does not end with an agency's bare name.
    static AFTER_STOP: OnceLock<Regex> = OnceLock::new();
    let after_stop = AFTER_STOP.get_or_init(|| {
        Regex::new(r"\w[.!?][\x22\u{201D}']?\s+(?:[—–-]\s*)?(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Anadolu(?: Agency)?|Xinhua|Getty Images|Handout)(?:\s+(?i:file(?:\s+photo)?|photos?|pictures?))?\.?$").unwrap()
    });
    // "... at Ain al-Asad in 2023. (U.S. Army photo by Sgt. Jane Roe)",
    // "(Photo courtesy of the ministry)": who took or gave the picture, in
    // brackets at the caption's end.
    static TAKEN_BY: OnceLock<Regex> = OnceLock::new();
    let taken_by = TAKEN_BY.get_or_init(|| {
        Regex::new(r"[(\[][^()\[\]]{0,60}\b(?i:photos?|images?|pictures?|photograph|video)\s+(?i:by|courtesy(?:\s+of)?)\s+[^()\[\]]{2,80}[)\]]$").unwrap()
    });
    let line = line.trim();
    // "... chairs a meeting in Baghdad. (Iraqi government)", "... (PMO
    // handout)", "(Kurdistan24)": a picture handed out by an office, or a
    // known outlet's own, credited after the caption's full stop (the
    // office's word last and in lower case: "(Ministry of Defence)" may be
    // a sentence's source).
    static ISSUED: OnceLock<Regex> = OnceLock::new();
    let issued = ISSUED.get_or_init(|| {
        Regex::new(r"\w[.!?][\x22\u{201D}']?\s*\(([A-Z][^()\[\]]{0,60})\)$").unwrap()
    });
    let issued_credit = || {
        issued.captures(line).is_some_and(|c| {
            let inside = &c[1];
            let words = inside.split_whitespace().count();
            let last = inside.rsplit(' ').next().unwrap_or(inside);
            // "(Iraqi PM Media Office)": a press or media office hands out
            // pictures whatever case it is printed in.
            let lower = inside.to_lowercase();
            super::entities::known_outlet(inside).is_some()
                || (2..=6).contains(&words)
                    && [
                        "media office",
                        "press office",
                        "media center",
                        "media centre",
                        "press service",
                    ]
                    .iter()
                    .any(|o| lower.ends_with(o))
                || (2..=5).contains(&words)
                    && [
                        "government",
                        "office",
                        "presidency",
                        "service",
                        "pool",
                        "army",
                        "military",
                        "handout",
                    ]
                    .contains(&last)
        })
    };
    // "The big picture: ...": a label a lower-case word leads into is the
    // text's own ("file photo" aside). A credit after the caption's full
    // stop ("... last year.Credit...Jane Roe") follows no word.
    let labelled = || {
        re.find_iter(line).any(|m| {
            if m.as_str().starts_with(['.', '!', '?']) {
                return true;
            }
            // "... has called for the coalition's departure © Jane Roe,
            // AFP": the sign and the holder's name end the caption, after
            // whatever word; no sentence of an article prints it.
            let holder = line[m.end()..].trim();
            if m.as_str() == "©"
                && holder.chars().count() <= 60
                && !holder.contains(['.', '!', '?'])
                && holder.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            {
                return true;
            }
            let before = line[..m.start()].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            !word.starts_with(char::is_lowercase) || word == "file"
        })
    };
    shape.words <= 40 && labelled()
        || shape.words <= 20 && credit.is_match(line)
        || shape.words <= 40 && named.is_match(line)
        || shape.words <= 40 && taken_by.is_match(line)
        || shape.words <= 40 && barred.is_match(line)
        || shape.words <= 30 && after_stop.is_match(line)
        || shape.words <= 30 && issued_credit()
        || shape.words <= 20 && !shape.sentence_end && office_credit(line)
}

/// "Iraqi Prime Minister Mohammed Shia al-Sudani (Iraqi PM's Office)": a
/// portrait's caption with no full stop, the office that handed the
/// picture out in brackets at its end. The word that ends the bracket is an
/// office's, in either case; a headline's aside names no office.
fn office_credit(line: &str) -> bool {
    let Some(inside) = line
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once(" ("))
        .map(|(_, inside)| inside)
    else {
        return false;
    };
    let words = inside.split_whitespace().count();
    let last = inside.rsplit(' ').next().unwrap_or(inside).to_lowercase();
    (2..=6).contains(&words)
        && inside.starts_with(char::is_uppercase)
        && !inside.contains(['(', '[', ']'])
        && ["office", "handout"].contains(&last.as_str())
}

/// Is this a terminating line, and a hard one? (See the module comment.)
pub fn terminates(reason: &str) -> Option<bool> {
    termination(reason)
}

/// An "About the author" box heading: what follows it is not the article.
pub fn is_author_box(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:about|more about|more from|meet) the (?:authors?|writers?|contributors?)\s*(?::?$|:\s+\S.{0,400}$)")
            .unwrap()
    })
    .is_match(line.trim())
}

/// A line's standing for the context pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Text, with its class on its own; `heading` if it could head a section.
    Text { class: Density, heading: bool },
    /// Chrome: a boundary that counts as bad.
    Chrome,
    /// Not part of the flow (dates, bylines, repeats): neighbours look past it.
    Aside,
}

/// jusText's context-sensitive pass: the final class of each line
/// (`Chrome` and `Aside` lines come out `Bad`).
pub fn smooth(lines: &[Standing], lengths: &[usize]) -> Vec<Density> {
    const MAX_HEADING_DISTANCE: usize = 200;
    let n = lines.len();
    let mut class: Vec<Option<Density>> = lines
        .iter()
        .map(|s| match s {
            Standing::Text { class, .. } => Some(*class),
            Standing::Chrome => Some(Density::Bad),
            Standing::Aside => None,
        })
        .collect();
    let heading = |i: usize| matches!(lines[i], Standing::Text { heading: true, .. });
    let good_follows = |class: &[Option<Density>], i: usize| {
        let mut distance = 0;
        for j in i + 1..n {
            if class[j] == Some(Density::Good) {
                return true;
            }
            distance += lengths[j];
            if distance > MAX_HEADING_DISTANCE {
                break;
            }
        }
        false
    };
    // A short heading right above good text is near-good.
    for i in 0..n {
        if heading(i) && class[i] == Some(Density::Short) && good_follows(&class, i) {
            class[i] = Some(Density::NearGood);
        }
    }
    let neighbour = |class: &[Option<Density>], i: usize, up: bool, ignore_near: bool| {
        let mut j = i;
        loop {
            if up {
                if j == 0 {
                    return Density::Bad;
                }
                j -= 1;
            } else {
                j += 1;
                if j >= n {
                    return Density::Bad;
                }
            }
            match class[j] {
                Some(Density::Good) => return Density::Good,
                Some(Density::Bad) => return Density::Bad,
                Some(Density::NearGood) if !ignore_near => return Density::NearGood,
                _ => {}
            }
        }
    };
    let mut shorts = Vec::new();
    for i in 0..n {
        if class[i] != Some(Density::Short) {
            continue;
        }
        let prev = neighbour(&class, i, true, true);
        let next = neighbour(&class, i, false, true);
        let new = match (prev, next) {
            (Density::Good, Density::Good) => Density::Good,
            (Density::Bad, Density::Bad) => Density::Bad,
            _ if (prev == Density::Bad
                && neighbour(&class, i, true, false) == Density::NearGood)
                || (next == Density::Bad
                    && neighbour(&class, i, false, false) == Density::NearGood) =>
            {
                Density::Good
            }
            _ => Density::Bad,
        };
        shorts.push((i, new));
    }
    for (i, c) in shorts {
        class[i] = Some(c);
    }
    for i in 0..n {
        if class[i] != Some(Density::NearGood) {
            continue;
        }
        let prev = neighbour(&class, i, true, true);
        let next = neighbour(&class, i, false, true);
        class[i] = Some(if (prev, next) == (Density::Bad, Density::Bad) {
            Density::Bad
        } else {
            Density::Good
        });
    }
    // Headings that were not bad on their own stay with the good text below them.
    for i in 0..n {
        if heading(i)
            && class[i] == Some(Density::Bad)
            && matches!(lines[i], Standing::Text { class: c, .. } if c != Density::Bad)
            && good_follows(&class, i)
        {
            class[i] = Some(Density::Good);
        }
    }
    class
        .into_iter()
        .map(|c| c.unwrap_or(Density::Bad))
        .collect()
}

/// A line that could head a section: capitalised, no final full stop or
/// comma, 1 to 15 words.
pub fn is_heading_shaped(line: &str, shape: &Shape) -> bool {
    (1..=15).contains(&shape.words)
        && shape.starts_like_a_sentence
        && !line.trim_end().ends_with(['.', ',', ';'])
        && !line
            .split_whitespace()
            .next()
            .is_some_and(is_stop_word_lower)
}

fn is_stop_word_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && is_stop_word(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> Density {
        density(&Shape::of(s))
    }

    /// The length bound lets a long line skip a whole-line pattern only
    /// when no line that long can match it: every pattern whose bound is
    /// known rejects a line one character longer than the bound that it
    /// would otherwise match, and the bound is tight for a literal pattern.
    #[test]
    fn whole_line_patterns_know_their_longest_match() {
        let re = |p: &str| Regex::new(p).unwrap();
        let p = Pattern::new(
            "t".into(),
            re(r"(?i)^(?:share|print)(?: this)?\s?(?:article)?$"),
        );
        assert_eq!(p.longest, Some("printthisarticle".len()));
        let p = Pattern::new("t".into(), re(r"(?i)^read more:.{0,40}$|^advert$"));
        assert_eq!(p.longest, Some(9 + 40));
        // Any run of spaces counts nothing.
        let p = Pattern::new("t".into(), re(r"(?i)^follow\s+us\s*(?:on)?$"));
        assert_eq!(p.longest, Some(10));
        // Not anchored at both ends, or unbounded: tried on every line.
        assert_eq!(
            Pattern::new("t".into(), re(r"(?i)^subscribe")).longest,
            None
        );
        assert_eq!(Pattern::new("t".into(), re(r"(?i)\bends$")).longest, None);
        assert_eq!(
            Pattern::new("t".into(), re(r"(?i)^.+ reports?$")).longest,
            None
        );
        assert_eq!(
            Pattern::new("t".into(), re(r"(?i)^\S+ reports?$")).longest,
            None
        );
        assert_eq!(Pattern::new("t".into(), re(r"(?i)^a$|b$")).longest, None);
        // Characters, not bytes: "é" is one.
        assert_eq!(Pattern::new("t".into(), re(r"^.{0,3}é$")).longest, Some(4));
        let chrome = Boilerplate::new(&[]);
        let bounded = chrome
            .patterns
            .iter()
            .filter(|p| p.longest.is_some())
            .count();
        assert!(bounded * 2 > chrome.patterns.len(), "{bounded} bounded");
        // A paragraph that ends like a wire story's marker but runs long is
        // not skipped by an unanchored pattern.
        let long = format!(
            "{} does not work for, consult, own shares in or receive funding from any company",
            "word ".repeat(200)
        );
        assert_eq!(chrome.matches(&long), Some("disclosure"));
    }

    #[test]
    fn defaults_with_long_runs_still_bound_the_line() {
        let b = Boilerplate::new(&[]);
        // "Why you can trust " and a name of up to 41 characters.
        assert_eq!(
            b.matches("Why you can trust Harbour Review"),
            Some("trust badge")
        );
        // Compiled with its counted runs open, the pattern is still held to
        // the longest line it can match as written.
        let name = "Harbour Review ".repeat(8);
        assert_eq!(b.matches(&format!("Why you can trust {name}")), None);
        // Open runs keep the automata small: the defaults compile to at
        // most a few thousand NFA states each (three were 15,000-24,000).
        for p in &b.patterns {
            let nfa = regex_automata::nfa::thompson::NFA::new(p.re.as_str()).unwrap();
            assert!(
                nfa.states().len() < 10_000,
                "{}: {}",
                p.why,
                nfa.states().len()
            );
        }
    }

    /// A pattern anchored at the line's start skips a line that begins
    /// with a byte no match begins with, in either case; an unanchored one,
    /// or one whose first character is any letter, is always tried.
    #[test]
    fn anchored_patterns_know_their_first_bytes() {
        let re = |p: &str| Regex::new(p).unwrap();
        let p = Pattern::new("t".into(), re(r"(?i)^(?:next|previous) (?:image|slide)$"));
        let first = p.first_bytes.as_ref().expect("a short list");
        let allowed: String = (0..=255u8)
            .filter(|&b| first[usize::from(b)])
            .map(char::from)
            .collect();
        assert_eq!(allowed, "NPnp");
        assert!(p.cannot_match("Slide 2", 6));
        assert!(!p.cannot_match("PREVIOUS IMAGE", 13));
        assert!(p.re.is_match("PREVIOUS IMAGE"));
        assert!(
            Pattern::new("t".into(), re(r"(?i)\bnext image$"))
                .first_bytes
                .is_none()
        );
        assert!(
            Pattern::new("t".into(), re(r"(?i)^\p{L}+ says:$"))
                .first_bytes
                .is_none()
        );
        // Most default patterns are anchored and start with a few words.
        let chrome = Boilerplate::new(&[]);
        let filtered = chrome
            .patterns
            .iter()
            .filter(|p| p.first_bytes.is_some())
            .count();
        assert!(
            filtered * 3 > chrome.patterns.len() * 2,
            "{filtered} filtered"
        );
        assert_eq!(chrome.matches("Next image"), Some("gallery"));
        // A picture's placeholder, a gallery's link with its count.
        for media in ["Image", "Photo gallery (8)", "Photos (23)"] {
            assert_eq!(chrome.matches(media), Some("navigation"), "{media}");
        }
        // A site's pattern is case-insensitive without saying so in its text.
        let site = crate::config::compile_line_pattern("watch our (?:live )?channel").unwrap();
        let chrome = Boilerplate::new(&[site]);
        assert_eq!(
            chrome.matches("Watch our live channel"),
            Some("site.toml pattern")
        );
    }

    #[test]
    fn classes_on_their_own() {
        assert_eq!(
            class(
                "The ministry said on Tuesday that the delegation would return to the capital once the talks, which have dragged on for months, produced a text that both governments could sign without a vote in parliament."
            ),
            Density::Good
        );
        assert_eq!(
            class("Talks resume in the capital on Monday."),
            Density::NearGood
        );
        assert_eq!(class("What Comes Next"), Density::Short);
        assert_eq!(
            class(
                "Oil Prices Edge Lower; Dinar Steadies; Airport Reopens; Kirkuk Pipeline Repairs Stall; Basra Heatwave"
            ),
            Density::Bad
        );
    }

    #[test]
    fn a_short_sentence_naming_who_says_it_is_prose_despite_its_names() {
        // Eleven words, one stop word: names crowd out the grammar.
        let reported =
            "Deputy governor Karim Saadoun told reporters the convoy reached Samawa safely.";
        assert_eq!(class(reported), Density::NearGood);
        // The same shape without a verb of reporting is a list, not prose.
        assert_eq!(
            class("Deputy governor Karim Saadoun, convoy chief Samawa, Basra port authority."),
            Density::Bad
        );
        // "Said" as a name is no verb of reporting.
        assert_eq!(
            class(
                "Said Jalili Basra Samawa Nasiriyah Kut Amarah Diwaniyah Hilla Najaf Karbala Ramadi."
            ),
            Density::Bad
        );
        // Put between article text and the page's end, it stays in.
        let lines = [
            Standing::Text {
                class: Density::Good,
                heading: false,
            },
            Standing::Text {
                class: class(reported),
                heading: false,
            },
        ];
        assert_eq!(smooth(&lines, &[300, 80])[1], Density::Good);
    }

    #[test]
    fn chrome_by_its_shape() {
        let why = |s: &str| chrome_by_shape(s, &Shape::of(s));
        assert_eq!(
            why("Home | World | Middle East | Video"),
            Some("navigation")
        );
        assert_eq!(why("Home / Local / Security"), Some("navigation"));
        assert_eq!(why("Home  Politics  Security  Economy"), Some("navigation"));
        // An acronym beside the name it stands for is a nameplate.
        assert_eq!(why("HNA | Harbour News Agency"), None);
        assert_eq!(why("Harbour News Agency | HNA"), None);
        assert_eq!(why("News | Business"), Some("navigation"));
        // A breadcrumb between colons; one colon is a headline's.
        assert_eq!(why("Home : News : Press Releases"), Some("navigation"));
        assert_eq!(why("Iraq : the coalition's last year"), None);
        assert_eq!(why("Iraq  condemns the attack"), None);
        assert_eq!(why("Updated 3 hours ago"), Some("relative time"));
        assert_eq!(why("Today, 3:41 pm"), Some("relative time"));
        assert_eq!(why("Yesterday at 18:05 GMT"), Some("relative time"));
        assert_eq!(why("Today, the talks resumed in Baghdad"), None);
        assert_eq!(
            why("Get Iraq news along with the latest news and top headlines from the region."),
            Some("call to action")
        );
        assert_eq!(
            why("Read the latest news from the ministry below it."),
            Some("call to action")
        );
        assert_eq!(why("Read the statement below."), None);
        assert_eq!(
            why("Sign in to personalise your feed"),
            Some("call to action")
        );
        assert_eq!(why("Switch to the light version?"), Some("call to action"));
        assert_eq!(
            why("Download the Harbour Wire app for your iOS or Android devices."),
            Some("call to action")
        );
        assert_eq!(
            why("Get the app: the talks, the votes and the results on your iPhone."),
            Some("call to action")
        );
        assert_eq!(
            why("Download speeds in Baghdad fell after the cable was cut."),
            None
        );
        assert_eq!(
            why("Comments are reviewed by our editors before publication."),
            Some("call to action")
        );
        assert_eq!(
            why("Soldiers load a truck at the base. (Photo: Jane Roe / AFP)"),
            Some("photo caption")
        );
        assert_eq!(
            why("Soldiers march in a parade in the capital. (Reuters file photo)"),
            Some("photo caption")
        );
        assert_eq!(why("Iraq and Japan meet in the final on Friday"), None);
        // The credit after its label, ending the caption.
        assert_eq!(
            why("Guards outside the ministry in 2022. Credit: Jane Roe/Harbour Wire, via Pool"),
            Some("photo caption")
        );
        assert_eq!(
            why("The minister gave the army credit: the city was calm again."),
            None
        );
        // The credit run into a caption that ends on a lower-case word.
        assert_eq!(
            why("Guards outside the ministry last spring.Credit...Jane Roe/Harbour Wire"),
            Some("photo caption")
        );
        assert_eq!(why("Read the full statement of the ministry below."), None);
        // A photographer's or agency's credit in brackets, any agency.
        assert_eq!(
            why("A guard outside the ministry on Jan. 14. (Jane Roe/EPA-EFE/Shutterstock)"),
            Some("photo caption")
        );
        assert_eq!(
            why("Troops parade at the base in 2023. (Sgt. John Doe/Army)"),
            Some("photo caption")
        );
        assert_eq!(
            why("The coalition base at Harir. (AA Photo)"),
            Some("photo caption")
        );
        // A credit after a bar: an agency, or a name then its agency.
        assert_eq!(
            why("A soldier stands guard near the airport. | AP"),
            Some("photo caption")
        );
        assert_eq!(
            why("The minister speaks in Baghdad. | Jane Roe/Getty Images"),
            Some("photo caption")
        );
        assert_eq!(
            why("Talks resume in Baghdad. | more news/other pages"),
            None
        );
        // The agency's bare name after the caption's full stop.
        assert_eq!(
            why("Demonstrators gather outside the council in Basra. Reuters"),
            Some("photo caption")
        );
        assert_eq!(
            why("A tanker loads crude at the terminal. — Reuters file"),
            Some("photo caption")
        );
        assert_eq!(
            why("The council met on Sunday, the agency said, citing AP."),
            None
        );
        // A sentence's own brackets are not a credit.
        assert_eq!(
            why("Sen. Jane Roe (R-Ky.) called the talks a reward for the militias."),
            None
        );
        assert_eq!(
            why("Click here to see the interactive map of the region."),
            Some("call to action")
        );
        // A site's own buttons and a picture's placeholder.
        for button in [
            "Become a member",
            "Report an error",
            "Support independent journalism",
        ] {
            assert_eq!(why(button), Some("call to action"), "{button}");
        }
        // A headline that opens with one of those verbs is no button.
        assert_eq!(why("Report says Iraq's oil exports rose in May."), None);
        assert_eq!(
            why("Become a ministry, lawmakers tell Peshmerga command"),
            None
        );
        // Several authors in a comma list are a byline, not a list of sections.
        assert_eq!(
            why("Jane Roe, Omar Rashid, Layla Haddad, and John Doe"),
            None
        );
        assert_eq!(
            why("Asia & Americas, Iraq, Middle East, News"),
            Some("category list")
        );
        assert_eq!(
            why("Q: Can you confirm the identity of the commander?"),
            None
        );
    }

    #[test]
    fn wire_credits_in_their_forms() {
        let b = Boilerplate::new(&[]);
        for line in [
            "Reporting by Jane Roe; Editing by John Doe",
            "(Additional reporting by Omar Rashid)",
            "--With assistance from Jane Roe.",
            "With assistance from Jane Roe and John Doe.",
            "Translated by Omar Rashid",
            "Translation by Layla Haddad and John Doe",
            // Where a reprinted piece first ran.
            "This article was originally published by Levant Insight.",
            "This analysis was first published by the Institute for the Study of War.",
            "This story first appeared in The Basra Letter.",
        ] {
            assert_eq!(b.matches(line), Some("wire credit"), "{line}");
        }
        // The reporters' note under the byline, one name or several.
        for line in [
            "Jane Roe reported from Baghdad.",
            "Jane Roe and John Doe reported from Baghdad, and Omar Rashid from Erbil.",
            "Jane Roe, John Doe and Omar Rashid reported from Washington.",
        ] {
            assert_eq!(b.matches(line), Some("byline"), "{line}");
        }
        assert_eq!(
            b.matches("Officials and journalists reported from Baghdad that the road was shut."),
            None
        );
        assert_eq!(b.matches("The assistance from Baghdad arrived late."), None);
        assert_eq!(
            b.matches("The treaty, translated by the ministry, was read aloud."),
            None
        );
    }

    #[test]
    fn sign_up_small_print_registrations_and_legal_footnotes_are_chrome() {
        let b = Boilerplate::new(&[]);
        for (line, why) in [
            ("You can unsubscribe at any time.", "call to action"),
            (
                "By signing up to the Harbour Brief, you agree to our Terms of Use.",
                "call to action",
            ),
            (
                "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
                "call to action",
            ),
            (
                "Harbour Agency is registered as a media outlet by the national communications regulator.",
                "registration notice",
            ),
            (
                "Mass media registration certificate No. 77-123",
                "registration notice",
            ),
            (
                "*The Harbour Front is recognised as extremist and banned in the Russian Federation.",
                "endnote",
            ),
        ] {
            assert_eq!(b.matches(line), Some(why), "{line}");
        }
        for (line, why) in [
            (
                "For the latest news, follow us on Google News.",
                "follow prompt",
            ),
            ("Have your say in the comments below.", "call to action"),
            (
                "Support independent journalism. Donate today.",
                "call to action",
            ),
            ("Our journalism depends on your support.", "call to action"),
            ("Was this article helpful? Yes No", "call to action"),
            (
                "If you have a story to share, contact us at tips@harbour.example.",
                "call to action",
            ),
            (
                "Want to read more? Subscribe now for unlimited access.",
                "call to action",
            ),
            ("Thank you for reading Harbour Courier.", "call to action"),
            (
                "Harbour Courier is not responsible for the content of external sites.",
                "site policy",
            ),
            (
                "Content on this site is for information only.",
                "site policy",
            ),
            (
                "Disclaimer: The views expressed are the author's own.",
                "disclaimer",
            ),
            (
                "The views expressed in this article are those of the author and not of Harbour Courier.",
                "disclaimer",
            ),
            ("Photo gallery (12 images)", "embedded media"),
            (
                "You've reached your limit of free articles this month.",
                "call to action",
            ),
            ("Already have an account? Log in", "call to action"),
            (
                "Create a free account to read this article",
                "call to action",
            ),
            (
                "Updated at 3:15 p.m. with comments from the Pentagon.",
                "editorial note",
            ),
            (
                "This article has been updated to include a statement from the ministry.",
                "editorial note",
            ),
            ("Republished with permission.", "editorial note"),
            ("Opens in new tab", "share buttons"),
            ("Video: Harbour Courier", "photo credit"),
        ] {
            assert_eq!(b.matches(line), Some(why), "{line}");
        }
        // The article's own sentences on the same matters.
        for line in [
            "The views of the factions are known, an official said.",
            "Donors pledged support for the reconstruction of Mosul.",
            "If you have a weapon, the checkpoint guards will take it, residents said.",
            "Thank you for your service, the minister told the troops.",
            "Updated figures from the ministry show 40 attacks since October.",
            "Video footage showed the convoy leaving the base.",
            "Voters can unsubscribe from the party's list, officials said.",
            "The group is banned in Russia and several other countries, the ministry said.",
            "By signing up for the programme, recruits agree to serve two years.",
        ] {
            assert_eq!(b.matches(line), None, "{line}");
        }
    }

    #[test]
    fn page_numbers_and_a_continuation_note() {
        let b = Boilerplate::new(&[]);
        // Apostrophes as sites print them, curly, match the patterns' straight ones.
        assert!(
            b.matches("Editor’s note: This story has been updated.")
                .is_some()
        );
        assert!(b.matches("Don’t miss").is_some());
        assert!(addresses_the_reader("That’s all for this week."));
        assert_eq!(b.matches("Page 2 of 3"), Some("page number"));
        assert_eq!(b.matches("page 1/2"), Some("page number"));
        assert_eq!(b.matches("Page 2 of the report lists 30 sites."), None);
        assert_eq!(b.matches("Story continues"), Some("advertisement"));
        assert_eq!(b.matches("The story continues to unfold in Basra."), None);
    }

    #[test]
    fn notes_after_the_story() {
        let b = Boilerplate::new(&[]);
        assert_eq!(
            b.matches("Write to Jane Roe at jane.roe@example.com and John Doe at jd@example.org"),
            Some("contact line")
        );
        assert_eq!(
            b.matches("Write to the ministry, he said, and wait a year."),
            None
        );
        assert_eq!(
            b.matches("Appeared in the March 3, 2024, print edition as 'Talks Begin'."),
            Some("print edition note")
        );
        assert_eq!(
            b.matches("This story is also available in Arabic on our Arabic site."),
            Some("language switch")
        );
        assert_eq!(
            b.matches("Read this article in Kurdish"),
            Some("language switch")
        );
        assert_eq!(
            b.matches("Our news coverage continues after the break, with thanks to readers."),
            Some("advertisement")
        );
        assert_eq!(
            b.matches("The French statement is available in full on the embassy's site."),
            None
        );
        assert_eq!(
            b.matches("The views expressed here are those of the writer and not of the paper."),
            Some("disclaimer")
        );
        assert_eq!(
            b.matches("The views expressed by the militias are not new, the minister said."),
            None
        );
        assert_eq!(
            b.matches("The views expressed in this column do not necessarily reflect those of The Harbour Gazette."),
            Some("disclaimer")
        );
        assert_eq!(
            b.matches("The views expressed by the tribes do not necessarily reflect a wider shift, he said."),
            None
        );
        assert_eq!(
            b.matches("We and our partners use cookies to measure how you read our pages."),
            Some("cookie notice")
        );
        assert_eq!(b.matches("We value your privacy"), Some("cookie notice"));
        assert_eq!(
            b.matches("We use personal data rarely, the ministry said of the new registry."),
            None
        );
        assert_eq!(
            b.matches("Related video: Officials tour the new base (Harbour TV)"),
            Some("teaser")
        );
        // A headline's abbreviations are not a sentence's stops.
        assert_eq!(
            b.matches("RELATED: What the U.S. drawdown means for troops in Syria"),
            Some("teaser")
        );
        assert_eq!(
            b.matches("Watch: the convoy left at dawn. Officials said more would follow."),
            None
        );
        assert_eq!(
            b.matches("Why you can trust The Harbour Gazette"),
            Some("trust badge")
        );
        assert_eq!(b.matches("Skip next section"), Some("navigation"));
        assert_eq!(
            b.matches("This is the cached copy of https://example.com/a. It is a snapshot of the page as it appeared on 2 Feb 2024."),
            Some("cached copy")
        );
        assert_eq!(b.matches("Text-only version"), Some("cached copy"));
        assert_eq!(
            b.matches("Also Read | Explained: who runs the border crossings?"),
            Some("teaser")
        );
    }

    #[test]
    fn subscription_and_newsletter_furniture() {
        let b = Boilerplate::new(&[]);
        // A label over a story a subscriber reads in full ends nothing; the
        // paywall's count of what is left ends the article.
        let label = b.matches("Article reserved for subscribers").unwrap();
        assert_eq!(terminates(label), None);
        let wall = b
            .matches(
                "You have 72.5% of this article left to read. The rest is for subscribers only.",
            )
            .unwrap();
        assert_eq!(terminates(wall), Some(true));
        assert_eq!(
            b.matches("This interview has been edited for length and clarity."),
            Some("editorial note")
        );
        assert_eq!(b.matches("Reading time 2 min."), Some("reading time"));
        assert_eq!(b.matches("4 min Reading time"), Some("reading time"));
        assert_eq!(
            b.matches("This is a developing story. Check back for updates."),
            Some("editorial note")
        );
        assert_eq!(
            b.matches("This story will be updated as more details emerge."),
            Some("editorial note")
        );
        // A wire's note on what a new version of the story changed.
        assert_eq!(
            b.matches("(Adds Pentagon comment in paragraph 5)"),
            Some("editorial note")
        );
        assert_eq!(
            b.matches("(Corrects spelling of minister's name in paragraph 3)"),
            Some("editorial note")
        );
        assert_eq!(b.matches("(Adds) the figures are new."), None);
        assert_eq!(
            b.matches("This is a developing crisis for the government, he said."),
            None
        );
        // A wire's archive photo, a press release's legal notice, an
        // official summary's disclaimer.
        assert_eq!(
            b.matches("FILE - A convoy leaves the base near Erbil, Iraq, March 3, 2023."),
            Some("photo caption")
        );
        assert!(
            b.matches("FILE PHOTO: The airfield at dawn, May 2022")
                .is_some()
        );
        assert_eq!(
            b.matches("Files seized at the border were handed over."),
            None
        );
        // A caption saying what its photo shows.
        for caption in [
            "File photo shows troops at a base in western Iraq.",
            "This handout picture released by the ministry shows a damaged truck.",
            "A picture taken on January 28, 2024 shows smoke over the compound.",
            "Photo taken on Sept. 27, 2024 shows a convoy near Erbil.",
        ] {
            assert_eq!(b.matches(caption), Some("photo caption"), "{caption}");
        }
        assert_eq!(
            b.matches("An image shared by residents shows smoke rising over the base."),
            None
        );
        assert_eq!(
            b.matches("Images released by the ministry show the strike hitting a depot."),
            None
        );
        // A byline's capitals are capitals: a sentence opening with "By"
        // and a weekday is text.
        assert_eq!(b.matches("By Jane Roe and Omar Khalaf"), Some("byline"));
        assert_eq!(b.matches("BY JANE ROE | HARBOUR WIRE"), Some("byline"));
        assert_eq!(
            b.matches("By Friday Hussein had spoken to the British and French ambassadors."),
            None
        );
        assert_eq!(b.matches("Reporting from Baghdad"), Some("byline"));
        for notice in [
            "Copyright 2024 Harbour Wire. All rights reserved.",
            "Copyright © Harbour Wire",
            "COPYRIGHT HARBOUR WIRE 2024",
            "Copyright: Harbour Wire",
            "Copyright",
            "All rights reserved © Harbour Wire 2024",
        ] {
            assert_eq!(b.matches(notice), Some("copyright"), "{notice}");
        }
        assert_eq!(
            b.matches(
                "Copyright lawyers are not needed to read the agreement, one official joked."
            ),
            None
        );
        assert_eq!(
            b.matches("The Harbour Press receives support from several private foundations."),
            Some("funding note")
        );
        assert_eq!(
            b.matches("The Popular Mobilization Forces received support from the state budget and from Iran."),
            None
        );
        assert_eq!(
            b.matches("Reporting from the border has been restricted since March."),
            None
        );
        assert_eq!(
            b.matches(
                "The photo shows that the convoy was struck from the air, the official said."
            ),
            None
        );
        assert_eq!(
            b.matches("Forward-Looking Statements"),
            Some("legal notice")
        );
        assert_eq!(
            b.matches("For information media. Not an official record."),
            Some("document notice")
        );
        assert_eq!(
            b.matches("Share or comment on this article:"),
            Some("share prompt")
        );
        assert_eq!(
            b.matches("Gulf Courier © 2024 | Privacy | Cookies"),
            Some("copyright")
        );
        let why = |s: &str| chrome_by_shape(s, &Shape::of(s));
        for line in [
            "Thanks for reading Tigris Notes! Subscribe for free to receive new posts.",
            "You are receiving this email because you subscribed to The Morning Brief.",
            "Was this newsletter forwarded to you? Sign up here.",
            "That's it for today. Forward this to a friend.",
            "Forwarded this email? Subscribe here for more",
            "That's all for this week. See you next Saturday.",
        ] {
            assert_eq!(why(line), Some("call to action"), "{line}");
        }
    }

    fn text(class: Density, heading: bool) -> Standing {
        Standing::Text { class, heading }
    }

    #[test]
    fn short_lines_take_their_neighbours_class() {
        use Density::*;
        let lines = [
            Standing::Chrome,
            text(Short, false), // menu item among chrome
            text(Good, false),
            text(Short, true), // subheading between paragraphs
            Standing::Aside,   // a timestamp: looked past
            text(Good, false),
            text(Short, false), // teaser after the article
            Standing::Chrome,
        ];
        let lengths = vec![10; lines.len()];
        assert_eq!(
            smooth(&lines, &lengths),
            vec![Bad, Bad, Good, Good, Bad, Good, Bad, Bad]
        );
        // A near-good lead between chrome and the article is kept.
        let lines = [Standing::Chrome, text(NearGood, false), text(Good, false)];
        assert_eq!(smooth(&lines, &[10, 10, 10]), vec![Bad, Good, Good]);
    }

    #[test]
    fn badges_list_bounds_reading_times_and_comment_notices() {
        let b = Boilerplate::new(&[]);
        assert_eq!(
            b.matches("The Harbour Weekly Is A Trust Project Member"),
            Some("trust badge")
        );
        assert_eq!(b.matches("list of 4 items"), Some("list label"));
        assert_eq!(b.matches("end of list"), Some("list label"));
        assert_eq!(b.matches("the list of 4 items was long"), None);
        assert_eq!(b.matches("| 3 mins"), Some("reading time"));
        assert_eq!(b.matches("Keep reading"), Some("promo heading"));
        assert_eq!(
            b.matches("Follow Harbour Review on WhatsApp"),
            Some("follow prompt")
        );
        assert_eq!(b.matches("Creative Commons License"), Some("licence badge"));
        assert_eq!(
            b.matches("Creative Commons: Some rights reserved."),
            Some("licence badge")
        );
        assert_eq!(
            b.matches(
                "This publication is part of the Harbour Council's Project on Regional Order."
            ),
            Some("programme note")
        );
        // (A sentence of the article about a report is not the note.)
        assert_eq!(
            b.matches("The report is part of a wider review of the coalition's mission."),
            None
        );
        assert!(
            b.matches("NEW You can now listen to Harbour Review articles!")
                .is_some()
        );
        assert_eq!(
            b.matches("To read this article in Arabic, click here."),
            Some("language switch")
        );
        assert_eq!(
            b.matches(
                "The views expressed in this article belong to the author and not to the paper."
            ),
            Some("disclaimer")
        );
        assert_eq!(
            b.matches("Have a confidential tip for our reporters? Get in Touch"),
            Some("call to action")
        );
        assert_eq!(
            b.matches("Got a news tip? Email us"),
            Some("call to action")
        );
        assert_eq!(
            b.matches("Have a tip for the ministry been acted on?"),
            None
        );
        assert_eq!(
            b.matches("Keyboard shortcuts for audio player"),
            Some("navigation")
        );
        assert_eq!(b.matches("Advertisement"), Some("advertisement"));
        assert_eq!(b.matches("End of advert"), Some("advertisement"));
        for line in [
            "This content is not available in your region",
            "This video isn't available in your country.",
            "Check out our other content",
            "Enable JavaScript to view this content",
            "Toggle caption",
            "Enlarge this image",
            "Harbour Graphics",
            "Embedded video",
            "Embedded content",
        ] {
            assert_eq!(b.matches(line), Some("embedded media"), "{line}");
        }
        assert_eq!(b.matches("Link copied to clipboard"), Some("share buttons"));
        assert_eq!(
            b.matches("This content is not available to the ministry's auditors, the report said."),
            None
        );
        assert_eq!(picture_button("Enlarge this image"), Some(true));
        assert_eq!(picture_button("Hide caption"), Some(false));
        assert_eq!(picture_button("Captions of the photos"), None);
        assert_eq!(
            b.matches("Scroll to continue with content"),
            Some("advertisement")
        );
        assert_eq!(b.matches("Get it on Google Play"), Some("call to action"));
        assert_eq!(b.matches("Enter your email"), Some("call to action"));
        assert_eq!(
            b.matches("Download on the App Store"),
            Some("call to action")
        );
        assert_eq!(b.matches("Scroll to continue the talks, he said."), None);
        assert_eq!(b.matches("Liveblog September 28, 2024"), Some("live label"));
        assert_eq!(
            b.matches("Live updates | Saturday 28 September 2024"),
            Some("live label")
        );
        assert_eq!(b.matches("Live updates: drones hit Erbil airport"), None);
        assert_eq!(
            b.matches("Harbour Daily Newsletter"),
            Some("call to action")
        );
        assert_eq!(
            b.matches("Keep up to date with what's happening in the region."),
            Some("call to action")
        );
        assert_eq!(b.matches("The newsletter was banned in 2019"), None);
        assert!(is_image_credit("Getty Images"));
        assert!(is_image_credit("AFP via Getty Images"));
        assert!(!is_image_credit("Reuters"));
        assert!(is_labelled_credit("Image: Jane Roe/EPA"));
        assert!(is_labelled_credit("Photo: AFP"));
        assert!(!is_labelled_credit(
            "Photo: the minister's convoy arrives in the capital after two days of talks on the border"
        ));
        assert!(!is_labelled_credit("Images of the strike spread online"));
        // The name before "via" is at most 40 characters.
        assert!(is_image_credit(
            "Photographer Name Surname Longer via Getty Images"
        ));
        assert!(!is_image_credit(
            "A very long caption that runs on and on for many words via Getty Images"
        ));
        assert_eq!(
            b.matches("An official website of the Harbour Government"),
            Some("government site banner")
        );
        assert_eq!(
            b.matches("Skip to main content (Press Enter)."),
            Some("navigation")
        );
        let why = |s: &str| chrome_by_shape(s, &Shape::of(s));
        assert_eq!(
            why(
                "The Harbour Weekly has removed its comment section, as readers have many other places to talk."
            ),
            Some("call to action")
        );
        assert_eq!(
            why("Follow us on our channels for the latest."),
            Some("call to action")
        );
        assert_eq!(
            why("The militia has removed its checkpoints on the road, residents said."),
            None
        );
    }

    #[test]
    fn a_menus_empty_state_is_navigation() {
        let b = Boilerplate::new(&[]);
        for line in [
            "There are no new alerts at this time",
            "You have no unread notifications.",
            "No saved articles yet",
        ] {
            assert_eq!(b.matches(line), Some("navigation"), "{line}");
        }
        assert_eq!(
            b.matches("There are no new alerts at this time, the civil defence said."),
            None
        );
    }

    #[test]
    fn a_players_advice_on_browsers_is_chrome_prose_about_them_is_not() {
        let b = Boilerplate::new(&[]);
        for line in [
            "Please use Firefox browser for a better video experience",
            "Update your browser to watch this clip.",
        ] {
            assert_eq!(b.matches(line), Some("embedded media"), "{line}");
        }
        assert_eq!(
            b.matches("Try the Tor browser to reach the blocked site, activists told residents."),
            None
        );
    }

    #[test]
    fn a_live_pages_buttons_over_its_entries() {
        let b = Boilerplate::new(&[]);
        let live: Vec<Option<&str>> = [
            "Show key events only",
            "Key events",
            "Load more updates",
            "3 new updates",
        ]
        .iter()
        .map(|l| b.matches(l))
        .collect();
        assert_eq!(live, [Some("live label"); 4]);
        // (An entry's headline about events is text.)
        assert_eq!(b.matches("Key events of the week in Baghdad"), None);
    }

    #[test]
    fn a_portrait_credited_to_a_press_office() {
        // A leader's portrait credited to his press office, in any case.
        let why = |s: &str| chrome_by_shape(s, &Shape::of(s));
        for caption in [
            "Iraqi Prime Minister Mohammed Shia al-Sudani. (Iraqi PM Media Office)",
            "The minister receives the envoy in Erbil. (KRG press office)",
            "Iraqi Prime Minister Mohammed Shia al-Sudani (Iraqi PM's Office)",
            "Kurdistan Region President Nechirvan Barzani (Presidency Media Office)",
        ] {
            assert_eq!(why(caption), Some("photo caption"), "{caption}");
        }
        assert_eq!(
            why("The decision was announced on Friday. (Ministry of Defence)"),
            None
        );
        // (A headline's aside is no office's credit.)
        assert_eq!(why("Sudani Meets Envoy on Coalition Exit (Updated)"), None);
    }

    #[test]
    fn courtesy_credits_other_languages_appeals_and_save_buttons() {
        let b = Boilerplate::new(&[]);
        assert_eq!(
            b.matches("Also available in العربية"),
            Some("language switch")
        );
        assert_eq!(
            b.matches("Thanks for reading! Support our independent reporting today by considering a one-time or monthly donation."),
            Some("donation appeal")
        );
        assert_eq!(
            b.matches("The minister said donors would support the reconstruction of the city."),
            None
        );
        assert_eq!(b.matches("Save"), Some("share buttons"));
        // A live page's entry stamp: a time alone on its line.
        assert_eq!(b.matches("9:40 PM"), Some("timestamp"));
        assert_eq!(b.matches("14:05 GMT"), Some("timestamp"));
        assert_eq!(b.matches("Share ✉ Tweet"), Some("share buttons"));
        assert_eq!(
            b.matches("Add Harbour Daily on Google"),
            Some("follow prompt")
        );
        assert_eq!(
            b.matches("Add us as a preferred source on Google"),
            Some("follow prompt")
        );
        assert_eq!(
            b.matches("Add The Harbour Daily as your preferred source to see more of our stories on Google."),
            Some("follow prompt")
        );
        assert_eq!(
            b.matches("The Harbour Daily's independent journalism is made possible by readers."),
            Some("donation appeal")
        );
        let shape_of = |s: &str| chrome_by_shape(s, &Shape::of(s));
        assert_eq!(
            shape_of(
                "The big picture: the coalition leaves the capital first and the north a year later"
            ),
            None
        );
        assert_eq!(
            shape_of("Soldiers at the base in 2020. Photo: Jane Roe"),
            Some("photo caption")
        );
        let why = |s: &str| chrome_by_shape(s, &Shape::of(s));
        assert_eq!(
            why("Soldiers train at a base near the river in 2022. (Courtesy U.S. Army)"),
            Some("photo caption")
        );
        assert_eq!(
            why("Sign up to receive a daily email of today's top military news stories."),
            Some("call to action")
        );
    }

    #[test]
    fn disclaimers_calls_and_republishing_boxes() {
        let b = Boilerplate::new(&[]);
        assert_eq!(
            b.matches("The views and opinions expressed herein are the views and opinions of the author and do not necessarily reflect those of Harbour Markets, Inc."),
            Some("disclaimer")
        );
        assert_eq!(
            b.matches("Stay updated with the latest news!"),
            Some("call to action")
        );
        assert_eq!(b.matches("Stay tuned"), Some("call to action"));
        assert_eq!(
            b.matches("We believe in the free flow of information"),
            Some("republishing box")
        );
        assert_eq!(
            b.matches("Republish this article"),
            Some("republishing box")
        );
        assert_eq!(
            b.matches("Stay in Iraq, the minister told the delegation, would be conditional."),
            None
        );
    }

    #[test]
    fn a_press_contact_with_a_phone_number() {
        let b = Boilerplate::new(&[]);
        assert_eq!(
            b.matches("Contact: Dana Liu (202) 224-5555"),
            Some("contact line")
        );
        assert_eq!(
            b.matches("Press contact: Omar Haddad +964 770 123 4567"),
            Some("contact line")
        );
        assert_eq!(b.matches("Contact: the ministry has not answered"), None);
        assert_eq!(b.matches("Editor: Liu Jing"), Some("editor credit"));
        assert_eq!(b.matches("Mina Brook author image"), Some("author photo"));
        assert_eq!(b.matches("Author photo"), Some("author photo"));
        assert_eq!(
            b.matches("This article was translated from Arabic."),
            Some("translation note")
        );
        assert_eq!(
            b.matches("Translated from the Kurdish original by Jane Roe"),
            Some("translation note")
        );
        assert_eq!(
            b.matches("The speech was translated from Arabic by the ministry."),
            None
        );
        assert_eq!(
            b.matches("Audio is AI-generated and may contain errors"),
            Some("audio player")
        );
        assert_eq!(b.matches("The author image of the ministry"), None);
        assert_eq!(
            b.matches("Responsible editor: Jane Roe"),
            Some("editor credit")
        );
        assert_eq!(b.matches("Editor: the ministry did not answer."), None);
        assert_eq!(b.matches("Reviewed by: Sami Rahal"), Some("editor credit"));
        assert_eq!(
            b.matches("Guests: Dana Holt and Sami Rahal"),
            Some("programme credits")
        );
        assert_eq!(
            b.matches("Guests: the ministry invited reporters to the base."),
            None
        );
    }
}
