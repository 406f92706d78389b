"""Cue lexicons in English and French: event cues by ACLED sub-type, targets, modality and history.

Each cue list is a list of regular-expression fragments (case-insensitive, word-bounded by the
compiler in :func:`compile_cues`). Lexicons are data: extend them here, never in the logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "CUES", "CUE_PATTERN", "CUE_KEYS", "GENERIC_ATTACK", "GENERIC_KILL", "MILITARY_TARGET",
    "CIVILIAN_TARGET", "MODAL_BEFORE", "NEGATION", "negated", "NO_FIGHTING", "DENIAL", "HISTORY", "PROTEST_CONTEXT", "compile_cues",
]

#: (event_type, sub_event_type) -> cue fragments, EN and FR. The order of keys is ACLED's precedence.
CUES: dict[tuple[str, str], list[str]] = {
    ("Battles", "Government regains territory"): [
        r"recaptur\w*", r"retook", r"retaken", r"retake", r"regain\w* control", r"took back",
        r"reprise? (?:le )?contr[ôo]le", r"reconqu(?:is|ise|ises|irent|ièrent|i[èe]rent|érir|erir)\b", r"repris (?:la ville|le village|la localit[ée])",
        r"repris (?:\w+ ){1,2}le contr[ôo]le",
    ],
    ("Battles", "Non-state actor overtakes territory"): [
        r"overr?an", r"overrun", r"fell to",
        r"(?:took|taken|taking|seized|gained) (?:full )?control of (?:the )?(?:\w+ )?(?:town|village|city|localit(?:y|ies)|"
        r"area|commune|region|district|hamlet)",
        r"(?:seized|captured) (?:the )?(?:town|village|city|locality|commune|base|camp|barracks|post)",
        r"(?:s['’](?:est|sont|être|etre)|se sont|se seraient|se serait) (?:\w+ ){0,2}?empar[ée]e?s? (?:\w+ )?d(?:[eu]|['’])", r"tomb[ée]e? aux mains", r"pris le contr[ôo]le",
        # "took control of Timbuktu": a named place (a situation, power or a government is not territory)
        r"(?:took|taken|taking|seized|gained|assumed) (?:full |total )?control of(?! the situation| (?:the )?security|"
        r" power| the government| the (?:presidency|ministry|state|country's (?:airspace|finances))| operations)",
    ],
    ("Battles", "Armed clash"): [
        r"clash\w*", r"fighting", r"fought", r"firefights?", r"gun ?fights?", r"gun ?battles?",
        r"exchanges? of (?:gun)?fire", r"exchanged (?:gun)?fire", r"ambush\w*", r"repell?ed", r"repuls\w*",
        r"neutrali[sz]ed", r"engaged (?:with )?(?:the )?(?:enemy|militants|assailants|terrorists|jihadists)",
        r"engaged (?:with )?(?:the )?(?:security|defen[cs]e|army|armed forces|soldiers|troops|forces)",
        r"combat(?:s|ants? killed)?", r"skirmish\w*", r"battle[ds]?", r"counter-?attack\w*",
        r"affrontements?", r"accrochages?", r"[ée]changes? de tirs", r"embuscades?", r"repouss[ée]e?s?",
        r"neutralis[ée]s?", r"heurts", r"combats?",
    ],
    ("Protests", "Excessive force against protesters"): [
        r"protesters? (?:were |was )?(?:shot|killed)", r"demonstrators? (?:were |was )?(?:shot|killed)",
        r"live (?:ammunition|rounds|bullets)", r"balles r[ée]elles", r"manifestants? tu[ée]s?",
        r"(?:shot|gunned) (?:dead|down) (?:\w+ ){0,2}(?:protesters?|demonstrators?)",
        r"(?:killed|killing|shooting|shot) (?:\w+ ){0,2}(?:protesters?|demonstrators?)",
        r"(?:opened )?fired? (?:on|at|into) (?:the )?(?:protesters?|demonstrators?|crowds?)",
        r"(?:tir[ée]s?|ont tir[ée]) sur (?:les |des )?manifestants", r"(?:tu[ée]|abattu) (?:\w+ ){0,2}manifestants",
    ],
    ("Protests", "Protest with intervention"): [
        r"dispers\w*", r"tear ?gas", r"teargas", r"protesters? (?:were )?arrested", r"gaz lacrymog[èe]ne",
    ],
    ("Protests", "Peaceful protest"): [
        r"protest\w*", r"demonstrat(?:ion|ions|ors?|ed)", r"sit-?ins?", r"rall(?:y|ies|ied)",
        r"marche[ds]? (?:in|through|to|against|for)", r"marches?(?= (?:in|through|to|against|for))",
        r"(?:took|went) to the streets?", r"picket\w*", r"blocked (?:the )?(?:access|roads?|trucks?|traffic|the road)",
        r"(?:limited|minimum) service", r"boycott\w*", r"gathered to (?:denounce|protest|demand|condemn)", r"went on strike",
        r"strikes? (?:by|of) (?:teachers|workers|students|drivers|traders|magistrates|doctors|health)",
        r"manifest\w*", r"rassembl\w*(?! d['’]?(?:e |des )?(?:terroristes|combattants|jihadistes|djihadistes|hommes arm[ée]s|assaillants|insurg[ée]s|"
        r"[ée]l[ée]ments|individus arm[ée]s|groupes))", r"gr[èe]ve", r"march(?:e|es|[ée]) (?:pacifique|de protestation)",
        r"marche", r"march(?:ed|ing) (?:peacefully|through|against|in protest)", r"(?:ont|avaient) (?:march[ée]|d[ée]fil[ée])",
    ],
    ("Riots", "Violent demonstration"): [
        r"riot\w*", r"violent (?:protests?|demonstrations?)", r"manifestations? violentes?", r"stone-?throwing", r"threw stones", r"pelted", r"barricad\w*", r"burn(?:ed|ing|t) tyres",
        r"burn(?:ed|ing|t) tires", r"vandali\w*", r"turned violent", r"[ée]meutes?", r"casseurs?",
        r"pneus br[ûu]l[ée]s", r"jets? de pierres",
    ],
    ("Riots", "Mob violence"): [
        r"mob", r"lynch\w*", r"vigilantes?", r"angry crowd", r"foule en col[èe]re", r"justice populaire",
    ],
    ("Explosions/Remote violence", "Chemical weapon"): [r"sarin", r"mustard gas", r"chlorine gas"],
    ("Explosions/Remote violence", "Air/drone strike"): [
        r"air ?strikes?", r"air raids?", r"drone (?:strikes?|attacks?)", r"aerial (?:strikes?|bombardment)",
        r"helicopter (?:attack|strike|fire|gunship)", r"airborne strike", r"bombed from the air",
        r"frappes? a[ée]riennes?", r"frappes? de drones?", r"bombardements? a[ée]riens?",
        r"(?:jets?|aircraft|aircrafts|helicopters?|drones?) (?:struck|bombed|fired|targeted|carried out)",
        r"carried out (?:an? )?(?:air |aerial )?strikes?(?= (?:that|on|against|in|near|targeting))",
        r"(?:air|aerial) operations?", r"op[ée]rations? a[ée]riennes?", r"air-?borne strikes?",
        # "an aerial reconnaissance and strike mission", "une mission de frappe aérienne"
        r"(?:air|aerial) (?:\w+ ){0,3}?strike (?:missions?|sorties?)", r"missions? de frappes?(?: a[ée]riennes?)?",
    ],
    ("Explosions/Remote violence", "Suicide bomb"): [
        r"suicide (?:(?:car|truck|vehicle|motorbike|motorcycle) )?(?:bomb\w*|attack\w*|car bomb\w*|vest)", r"svbied", r"vbied", r"kamikazes?",
        r"attentats?-suicides?", r"explosive belt", r"ceinture d'explosifs",
    ],
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): [
        r"shell(?:ing|fire|ed|s)", r"artillery", r"mortars?", r"rockets?", r"missiles?",
        r"obus", r"tirs? d'artillerie", r"mortiers?", r"roquettes?", r"indirect fire",
    ],
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): [
        r"ieds?", r"improvised explosive", r"roadside bombs?", r"land ?mines?", r"(?:struck|hit|ran over|detonated)"
        r" (?:a |an )?(?:mine|explosive)", r"explosive devices?", r"(?:mine|explosive|bomb) (?:blast|explosion)",
        r"explo(?:sion|ded)", r"detonat\w*", r"car bomb\w*", r"engins? explosifs?", r"mines?(?= (?:artisanale|antichar))",
        r"sauté sur une mine", r"\w*\s?mine terrestre", r"explosion",
        # "struck by a mine", "hit a roadside explosive", "the passage of a truck on a mine", "sur une mine"
        r"(?:struck|hit|blown up|destroyed|damaged|killed|wounded|injured|targeted) by (?:a |an )?(?:\w+ )?(?:mine|explosive)s?",
        r"(?:ran|drove|rolled|stepped|passed|driving|passage(?: \w+){1,3}) (?:over|on) (?:a |an )?(?:land ?)?mine",
        r"roadside explosives?", r"(?:hit|struck) (?:a |an )?(?:\w+ )?explosives?", r"sur une mine",
        # a mine as the subject: "a mine killed two soldiers", "une mine a tué deux soldats"
        r"(?:similar|same|another|second|other) (?:explosive )?devices?", r"(?:un|le) m[êe]me engin",
        r"(?:a|an|the|une|la) mines? (?:killed|exploded|went off|blew up|wounded|injured|destroyed|"
        r"a (?:tué|explosé|blessé|détruit)|ont (?:tué|explosé|blessé|détruit))",
    ],
    ("Explosions/Remote violence", "Grenade"): [r"grenades?"],
    ("Violence against civilians", "Sexual violence"): [
        r"rap(?:e|ed|es|ing)", r"sexual (?:violence|assault|abuse)", r"viol(?:s|[ée]e?s?)?", r"violences? sexuelles?",
    ],
    ("Violence against civilians", "Attack"): [
        r"massacr\w*", r"execut(?:ed|ion|ions)", r"summar(?:y|ily) execut\w*", r"assassinat\w*",
        r"beheaded", r"slaughter\w*", r"whipp\w*", r"flogg\w*", r"tortur\w*", r"beat(?:en)? (?:up|to death)",
        # detainees beaten or ill-treated: violence against them, not only an arrest
        r"(?:were|was|been|being|got|and|then) (?:\w+ )?beaten", r"mistreat\w*", r"ill-?treat\w*", r"maltrait\w*",
        r"pass[ée]s? à tabac", r"tabass[ée]\w*",
        r"mutilat\w*", r"stabb\w*", r"stab", r"carjack\w*", r"poignard\w*", r"lynch\w*(?= (?:a|an|the|two|three)\b)", r"lapid\w*", r"fouett\w*", r"tortur[ée]\w*", r"ex[ée]cutions? sommaires?", r"ex[ée]cut[ée]s?", r"égorg\w*",
    ],
    ("Violence against civilians", "Abduction/forced disappearance"): [
        r"kidnap\w*", r"abduct\w*", r"taken hostage", r"held hostage", r"hostage-taking", r"went missing",
        r"(?:took|taking|take|seized|holding) (?:\w+ ){0,3}hostages?", r"pris (?:\w+ ){0,3}en otages?",
        r"gone missing", r"forcibly disappeared", r"enl[èe]v\w*", r"kidnapp\w*", r"otages?", r"rapt",
        r"pris en otage", r"port[ée]s? disparus?",
        r"(?:enforced |forced |involuntary )disappearances?", r"disparitions? forc[ée]es?",
    ],
    ("Strategic developments", "Agreement"): [
        r"cease-?fire", r"truce", r"peace (?:deal|agreement|accord|pact)", r"signed (?:an |a )?agreement",
        r"(?:released|freed) (?:the )?(?:hostages?|prisoners?|detainees?)", r"prisoner (?:swap|exchange)",
        r"surrender\w*", r"laid down (?:their )?arms", r"cessez-le-feu", r"accord de paix", r"tr[êe]ve",
        r"redditions?", r"lib[ée]ration des otages", r"(?:se sont rendus?|s['’]est rendue?)(?= (?:\w+ )?(?:aux (?:autorit|forces|fds|militaires|soldats)|"
        r"à l['’]arm[ée]e|à la gendarmerie|aux? (?:fama|fds)))", r"cessation of hostilities", r"(?:agreement|accord)s?(?= (?:was|were|has been) signed| to end| between)",
        r"signed (?:an? |the )?(?:\w+ ){0,4}(?:agreement|accord|pact|deal)",
        r"(?:were|was|have been|has been|had been) (?:released|freed)",
        r"(?:ont|a|avaient|avait) [ée]t[ée] (?:lib[ée]r[ée]e?s?|rel[âa]ch[ée]e?s?)",
        # "welcomes the release, on 4 July, of the two aid workers", "la libération de l'otage"
        r"the release(?:, [^,.;]{1,30},)? of", r"la lib[ée]ration(?:, [^,.;]{1,30},)? d(?:e|u|es|['’])",
        # hostages handed over: their release ("The hostages were handed over to the authorities on Sunday")
        r"(?:hostages?|captives?)\b[^.;]{0,40}?handed over",
        r"(?:were|was|have been|has been) handed (?:over )?to (?:the )?(?:\w+ )?authorities",
        r"(?:ont|a|avaient|avait) [ée]t[ée] remise?s? (?:aux autorit[ée]s|à l['’]arm[ée]e|aux forces)",
    ],
    ("Strategic developments", "Arrests"): [
        r"arrest\w*", r"detain\w*", r"detention", r"taken into custody", r"apprehended", r"in custody",
        # "dismantled a suspected JNIM cell", "démantelé un réseau de passeurs": its members arrested
        r"dismantl\w* (?:a |an |the )?(?:\w+ ){0,3}?(?:cell|network|ring)s?",
        r"d[ée]mantel[ée]\w* (?:une |un |la |le )?(?:\w+ ){0,2}?(?:cellule|r[ée]seau)x?",
        r"arr[êe]t[ée]s?", r"arrestations?", r"interpell\w*", r"garde à vue", r"d[ée]tenus?", r"appr[ée]hend\w*",
    ],
    ("Strategic developments", "Change to group/activity"): [
        r"recruit\w*", r"defect\w*", r"redeploy\w*", r"withdr(?:ew|awn|awal|aw)", r"curfew",
        r"dissolv\w*", r"dissolution", r"extended", r"pulled out", r"suspend\w*", r"ban(?:ned|s)",
        r"couvre-feu", r"red[ée]ploi\w*", r"retrait", r"(?:was |were |been )?(?:founded|formed|created|launched)(?= (?:in|by|a|an|the|on))",
        r"closed down", r"merg(?:ed|er|ing)", r"pledged allegiance", r"allegiance to", r"was formed", r"were formed", r"(?:ordered|forced) (?:the )?clos\w*", r"d[ée]fection", r"recrut\w*", r"se retire\w*",
    ],
    ("Strategic developments", "Disrupted weapons use"): [
        r"defus\w*", r"foil\w*", r"thwart\w*", r"weapons? caches?", r"arms caches?", r"shot down",
        r"(?:seized|discovered|recovered|found|confiscated) (?:an? |a cache of |(?:large )?quantities of |several |\d+ )?"
        r"(?:\w+ )?(?:weapons|arms|ammunition|explosives?|ieds?|rifles?|guns|firearms|munitions?|grenades|rockets)",
        r"(?:saisi|d[ée]couvert|r[ée]cup[ée]r[ée]) (?:des |une cache d'|un stock d'|plusieurs |\d+ )?"
        r"(?:armes|munitions|explosifs|fusils|kalachnikovs?|engins explosifs|grenades|roquettes)",
        r"d[ée]samor[cç]\w*", r"saisie d'armes", r"disposed of", r"planting (?:an? )?(?:ied|mine|explosive|bomb)s?",
        r"caches? d['’]armes", r"d[ée]p[ôo]ts? d['’]armes",
        r"(?:neutrali[sz]ed|destroyed|detonated|discovered|found) (?:an? |the |two |several )?(?:\w+ )?(?:ieds?|mines?|explosive devices?|bombs?|weapons caches?)(?= (?:in|near|at|between|on|planted|placed|before)|[,.]| that was)",
        r"dismantled (?:an? )?(?:\w+ )?cell", r"d[ée]jou[ée]",
    ],
    ("Strategic developments", "Headquarters or base established"): [
        r"(?:set up|established|installed) (?:a |an |their |its )?(?:new )?(?:base|camp|headquarters)",
        r"install[ée] (?:une|leur|sa) base",
    ],
    ("Strategic developments", "Looting/property destruction"): [
        r"loot\w*", r"pillag\w*", r"plunder\w*", r"ransack\w*", r"torch\w*", r"set (?:on )?fire",
        r"set ablaze", r"burn(?:ed|t|ing) (?:down )?(?:the |several |\d+ |a )?(?:houses?|huts?|homes?|village|shops?|granar\w*|vehicles?|trucks?|school|market|stores?)",
        r"(?:stole|stolen|seized|took|taking) (?:\w+ )?(?:livestock|cattle|cows|sheep|goats|animals|motorbikes?|motorcycles?|vehicles?|property|money|goods|ambulances?|cars?|trucks?|phones|belongings|luggage|supplies|food|fuel|equipment|cash)",
        r"rustl\w*", r"damag(?:ed|ing)", r"robb\w*", r"st(?:o|ea)l(?:e|en|ing|s)?", r"seiz(?:ed|ing|es)(?! (?:power|the (?:initiative|opportunity))\b)", r"burn(?:ed|t|ing|s)",
        r"sabotag\w*", r"vol[ée]s?", r"saccag\w*", r"stripped (?:\w+ )*?of their belongings", r"extort\w*", r"racket\w*", r"destroy\w*", r"incendi\w*", r"pill[ée]\w*", r"vol(?:é|s) de b[ée]tail", r"emport[ée]",
        r"d[ée]truit\w*", r"br[ûu]l[ée]\w*",
    ],
    ("Strategic developments", "Non-violent transfer of territory"): [
        r"without (?:a |any )?(?:fight\w*|resistance|clash\w*|combat)", r"under (?:the )?control of", r"unopposed", r"handed over (?:the )?(?:town|city|camp|base|post|positions?|control|territory)", r"sans combat", r"r[ée]trocession",
        r"sans (?:rencontrer |opposer )?(?:de |aucune |la moindre )?r[ée]sistance", r"without (?:meeting|encountering) (?:any )?resistance",
        r"(?:took|take|taken) over (?:the )?(?:town|camp|base|post)", r"(?:vacated|abandoned) (?:the |their )?(?:base|camp|post|positions?)",
    ],
    ("Strategic developments", "Other"): [
        r"coup d'[ée]tat", r"coups?(?! plot| de (?:feu|main|poing|couteau|fil|pied|crosse|matraque|machette)s?\b)", r"(?:were|was|been|being|forcibly|forced|newly)\s+displaced", r"displacement", r"displacing", r"mass graves?",
        r"(?:ont|avaient|se sont|ont [ée]t[ée]|avaient [ée]t[ée]|forc[ée]e?s?)\s+d[ée]plac[ée]e?s",
        r"d[ée]placements? (?:massifs?|forc[ée]s?|de (?:la |)populations?)", r"fosses? communes?",
    ],
}

#: "attack(ed)" and its French forms: the sub-type depends on the target (military -> Armed clash).
GENERIC_ATTACK = r"attack(?!ers?\b)\w*|incursion|came under (?:gun)?fire|(?:hit|struck|targeted) by (?:gun)?(?:fire|shots)|fired (?:gun)?shots (?:at|on)|assault\w*(?! (?:rifles?|weapons?|guns?|boats?|vehicles?|helicopters?|teams?|troops?)\b)|raid\w*|stormed|targeted|struck|opened fire|fired (?:on|at)|shot at|" \
                 r"attaqu\w*|(?<!d')(?<!d’)assaut|raid|pris pour cible|ouvert le feu|tir[ée] sur|offensive|" \
                 r"(?:heavy |intense |sustained |sporadic )?(?:gunfire|gunshots)|tirs nourris|coups de feu"
#: killings without a tactic word: the victims decide (civilians -> Attack, combatants -> Armed clash).
GENERIC_KILL = r"shot to death|shot(?! at| down| in the air)|eliminat\w*|death of|wound(?:ed|ing)|injur(?:ed|ing)|bless[ée]s?|killed|killing|killings(?= of\b)|kills|shot dead|gunned down|murder\w*|dead|died|bodies|corpses|tu[ée]s?|tuant|" \
               r"abattu\w*|assassin\w*|(?<!monument aux )(?<!monuments aux )morts?|d[ée]c[ée]d[ée]s?|lost (?:their|his|her) lives"

MILITARY_TARGET = re.compile(
    r"\b(?:soldiers?|troops?|army|armed forces|military|FAMa|FDS|gendarmes?|gendarmerie|police(?:men)?|"
    r"national guard|garde nationale|(?:military|army|militia|FAMa|MINUSMA|UN|gendarmerie|police|G5) camps?|bases?|"
    r"barracks|(?:military|army|security|police|gendarmerie|customs) posts?|positions?|checkpoints?|patrols?|"
    r"convoys?(?! of (?:river |passenger |civilian |commercial |merchant |supply )?(?:trucks|boats|vehicles|buses|traders|"
    r"pirogues|passengers|civilians|lorries|marketgoers))|peacekeepers?|MINUSMA|Barkhane|French forces|G5|escort|militiamen|militia|combatants?|"
    r"fighters?|jihadists?|militants?|rebels?|Dozos?|hunters|GATIA|CMA|MSA|JNIM|ISGS|terrorists?|"
    r"assailants|enemy|militaires?|soldats?|arm[ée]e|casques bleus|poste|forces de d[ée]fense|"
    r"forces de s[ée]curit[ée]|security forces|defence forces|defense forces|customs|douaniers?|"
    r"forest guards?|eaux et for[êe]ts|warden|armed (?:\w+ )?(?:youths?|men|individuals|elements)|headquarters|agents? of the water|forest agents?|"
    r"commanders?|officers?|HCUA|MAA|Platform|Ganda (?:Izo|Koy)|self-defen[cs]e (?:group|militia)|bodyguards?|"
    r"guards?|field commander|militia leader|pick-ups|technicals|toll station|d[ée]tachements?|"
    # "le camp de Boni": the camp a town is named for is a military camp (not "un camp de déplacés", nor
    # "an Imghad camp in Tindibawen", a community's)
    r"(?<=le )camp (?:de|d['’]) ?(?!(?:la |the )?(?:d[ée]plac|r[ée]fugi|nomad|berger|[ée]leveur|pasteur|pastoral|IDP))"
    r"(?-i:[A-ZÀ-Ö])\w+)\b",
    re.IGNORECASE,
)
CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|inhabitants?|herders?|herdsm[ae]n|shepherds?|farmers?|traders?|"
    r"merchants?|passengers?|travell?ers?|drivers?|women|children|boys?|girls?|men|man|woman|child|chief|"
    r"imam|teachers?|mayor|marabout|family|families|people|persons?|individuals?|village|villages|"
    r"hamlet|market|fair|wedding|mosque|bus|trucks?|vehicles? (?:of|carrying|transporting)|delegation|marketgoers|"
    r"camp of (?:displaced|herders|nomads)|nomads?|displaced|civils?|villageois|habitants|[ée]leveurs?|bergers?|"
    r"cultivateurs?|commer[cç]ants?|passagers?|femmes|enfants|personnes|chef de village|maire|"
    r"Fulani|Peulh?s?|Dogons?|Bambaras?|Tuaregs?|Dawsahak|Daoussahak|Songhai|Bozo|customers|worshippers)\b",
    re.IGNORECASE,
)

#: Words before a cue that make it a threat, a plan, a possibility or a hypothetical.
MODAL_BEFORE = re.compile(
    r"\b(?:threat\w*|vow\w*|warn\w*|plan(?:s|ned|ning)?|plot(?:ted|ting)?|intend\w*|prepar\w*|"
    r"could|would|might|(?-i:may)|will|shall|fear\w*|risk\w*|prevent\w*|avoid\w*|call(?:ed|s)? for|urg(?:e|es|ed|ing)|"
    r"menac\w*|pr[ée]voi\w*|envisag\w*|projet\w*|pourrai\w*|risqu\w*|appel\w* [àa]|compte|"
    r"allegedly planned|(?:reject\w*|den(?:y|ied|ies|ying)|dismiss\w*|refut\w*|d[ée]menti\w*|rejet\w*)\s+(?:the\s+|les\s+|des\s+)?"
    r"(?:claims?|allegations?|accusations?|reports?|rumou?rs?|informations?|all[ée]gations?)\s+(?:that|selon\s+lesquelles|"
    r"qui|according\s+to\s+which))\b[^.;]{0,40}$",
    re.IGNORECASE,
)
#: the pluperfect's auxiliary, English or French: "had been", "avaient été" (what had happened before)
HAD_BEEN = r"\b(?:had\s+been|avai(?:en)?t\s+[ée]t[ée])"
#: a finite speech verb, English or French: "said", "told", "a annoncé", "ont déclaré" (one list for
#: the statement dates of ``dates`` and the speakers of ``places``)
SAID = (r"said|says|told|added|reported|announced|stated|claimed|confirmed|declared|affirme|rapporte|"
        r"(?:a|ont)\s+(?:d[ée]clar[ée]|dit|indiqu[ée]|annonc[ée]|affirm[ée]|confirm[ée])")
#: A negation before a cue ("no clashes", "were not killed", "sans combat"); it negates the cue only
#: when nothing in :data:`NEGATION_BLOCK` stands between them (:func:`negated`).
NEGATION = re.compile(r"(?:\b(?:no|not|never|without|nobody|none|sans|aucun\w*|pas|jamais|ni)|n['’]t)\b", re.IGNORECASE)
#: Words between a negation and a cue that end its reach: a figure ("no fewer than 10 soldiers were
#: killed"), another verb it governs ("no group has claimed the attack", "it is not known who attacked"),
#: a clause break ("no one was arrested but three were killed") or a preposition that makes the cue an
#: adjunct ("no casualties were reported in the attack").
NEGATION_BLOCK = re.compile(
    r"[,;:]|\d|\b(?:but|while|whereas|although|though|however|yet|and|mais|alors|tandis|cependant|et|"
    r"fewer|less|more|only|far|sooner|longer|later|until|before|after|matter|doubt|moins|plus|seulement|loin|"
    r"known|clear|claim\w*|identif\w*|confirm\w*|said|say|says|know|determined|specified|disclosed|reported|"
    r"revendiqu\w*|connu\w*|clair\w*|pr[ée]cis\w*|d[ée]termin\w*|indiqu\w*|signal\w*|"
    r"in|during|from|following|by|at|on|of|to|for|dans|lors|pendant|par|de|du|des|à|au|aux|pour|"
    r"two|three|four|five|six|seven|eight|nine|ten|dozens?|deux|trois|quatre|cinq|dix)\b",
    re.IGNORECASE)

#: what a negation reaches through: "no report of clashes", "aucune trace de combats"
_NEGATION_THROUGH = re.compile(
    r"\s+(?:(?:immediate|further|new|official|confirmed)\s+)?(?:reports?|signs?|word|indications?|evidence|news|"
    r"traces?|cases?|mention|signalement|trace|indice|nouvelles?)\s+(?:of|de|d['’])\s*", re.IGNORECASE)


def negated(text: str, start: int, window: int = 45) -> bool:
    """Whether a negation governs the word at ``start``: the nearest negation word in the ``window``
    characters before it, with nothing in :data:`NEGATION_BLOCK` between them.

    Examples
    --------
    >>> t = "No clashes were reported; no fewer than 10 soldiers were killed."
    >>> negated(t, t.index("clashes")), negated(t, t.index("killed"))
    (True, False)
    >>> negated("Troops took the post. No report of clashes.", 34)
    True
    >>> t = "No one was arrested but three were killed in the attack."
    >>> negated(t, t.index("arrested")), negated(t, t.index("killed")), negated(t, t.index("attack"))
    (True, False, False)
    """
    lo = max(0, start - window)
    last = None
    for last in NEGATION.finditer(text, lo, start):
        pass
    if last is None:
        return False
    end = last.end()
    through = _NEGATION_THROUGH.match(text, end, start)
    return NEGATION_BLOCK.search(text, through.end() if through else end, start) is None


#: The report says nobody fought: a takeover it tells is a non-violent transfer of territory
#: ("Armed groups took control of Timbuktu. No clashes were reported."; ACLED's definition).
NO_FIGHTING = re.compile(
    r"\b(?:no|without(?: a| any)?|sans|aucun(?:e)?|pas d['’]|pas de)\s+(?:(?:report|sign|word|trace)s?\s+(?:of|de)\s+)?"
    r"(?:clash\w*|fighting|fight|resistance|combats?|affrontements?|heurts|shots? (?:being |were |was )?fired|"
    r"exchange of fire|coup de feu|[ée]change de tirs)\b", re.IGNORECASE)
DENIAL = re.compile(r"\b(?:deni(?:ed|es)|deny|denying|refuted|rejected (?:the )?(?:claims?|reports?)|"
                    r"d[ée]ment\w*|d[ée]menti|nie(?:nt)?)\b", re.IGNORECASE)
#: Background history and comparison: not a new event.
HISTORY = re.compile(
    r"\b(?:for more than a decade|for (?:over |more than )?(?:\w+ )?(?:years|decades)|history of|hallmarks?|"
    r"similar (?:attacks?|assaults?|incidents?)|other recent|(?<!who )(?<!which )(?<!that )(?<!who had )(?<!which had )(?<!that had )previous(?:ly)?|in the past(?! \d+ (?:hours|days))|"
    r"has (?:long )?been (?:fighting|battling)|has conducted|have conducted|since (?:19|20)\d\d|"
    r"depuis (?:19|20)\d\d|anniversaire|pr[ée]c[ée]demment|ongoing since|ces derni[èe]res ann[ée]es|in recent years|"
    r"over the (?:past|last) (?:few )?years)\b",
    re.IGNORECASE,
)
#: an earlier event recalled ("last year's attack", "the tenth anniversary of the massacre", "a year after
#: jihadists killed", "un an après le massacre") or a standing situation ("attacks on civilians are
#: frequent"): history, unless the sentence dates something of its own days ("on Monday", "hier")
RECALL = re.compile(
    # (every branch starts with a literal word, so that the start finder skips the rest of the text)
    r"\b(?:last (?:year|month)['’]s|anniversary|anniversaire|"
    r"(?:years?|decades?) (?:after|ago|since|earlier)|"
    r"ans? (?:apr[èe]s|plus t[ôo]t)|il y a \w+ ans?|"
    r"l['’]an(?:n[ée]e)? derni[èe]re?|still (?:traumati[sz]ed|reeling|mourning)|"
    # a standing situation: "le théâtre d'incursions régulières", "the scene of frequent attacks"
    r"(?:incursions|attaques|attacks|raids|violences|affrontements|clashes|combats)\s+(?:r[ée]guli[èe]r(?:e?s)?|"
    r"fr[ée]quent(?:e?s)?|r[ée]p[ée]t[ée](?:e?s)?|r[ée]current(?:e?s)?|incessant(?:e?s)?)|(?:regular|frequent|repeated|recurrent|recurring)\s+(?:attacks|incursions|"
    r"raids|clashes)|"
    r"(?:attacks|attaques|killings|violences?|clashes|affrontements)\b[^.;]{0,40}\b(?:are|remain|have become|sont|"
    r"restent) (?:frequent|common|regular|recurrent|fr[ée]quent(?:e?s)?|courant(?:e?s)?|r[ée]guli[èe]re?s?))\b",
    re.IGNORECASE,
)
#: the anniversary of an earlier violent event: history, whatever day the sentence names ("Burkina Faso
#: on Wednesday marked the third anniversary of the Seytenga massacre"; not "a march on the eve of the
#: anniversary of the launch of the intervention", "preachers commemorating the Mawlid were attacked")
ANNIVERSARY = re.compile(
    r"\b(?:anniversary|anniversaire)\s+(?:of|de|du|des)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:[\w'’-]+\s+){0,3}?"
    r"(?:massacres?|attacks?|attaques?|attentats?|killings?|tueries?|bombings?|ambush|embuscade|coup|raid|"
    r"assault|siege|sack|fall)\b|"
    # "marked one year since the Barsalogho massacre", "a commémoré deux ans après l'attaque de Solhan"
    r"\b(?:marked|marks|marking|commemorat\w*|observed|comm[ée]mor\w*|marqu[ée]|marque)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:years?|ans?|months?|mois)\s+(?:since|after|depuis|apr[èe]s)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:[\w'’-]+\s+){0,3}?(?:massacres?|attacks?|attaques?|attentats?|killings?|tueries?|bombings?|ambush|"
    r"embuscade|raid|siege|sack|fall)\b", re.IGNORECASE)
#: a day of the report's own days: a weekday, yesterday, last night, a day and a month
NEWS_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|yesterday|hier|last night|overnight|"
    r"\d{1,2}(?:st|nd|rd|th|er)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|f[ée]v|avr|mai|"
    r"juin|juil|ao[ûu]|sept|d[ée]c)\w*|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december) \d{1,2}\b)",
    re.IGNORECASE,
)
PROTEST_CONTEXT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|march\w*|rally|rallies|sit-?in|strike|crowd|youths?|manifest\w*|"
    r"marche|foule|jeunes|gr[èe]ve|rioters?)\b", re.IGNORECASE)


def compile_cues(cues: dict[tuple[str, str], list[str]] = CUES) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """One alternation with a named group per sub-type (``g0``, ``g1``...) plus ``atk`` and ``kill``.

    Returns the compiled pattern and the list mapping group index to ``(event_type, sub_event_type)``.

    Examples
    --------
    >>> pat, keys = compile_cues()
    >>> m = pat.search("Heavy clashes broke out")
    >>> keys[int(m.lastgroup[1:])]
    ('Battles', 'Armed clash')
    """
    keys = list(cues)
    parts = [f"(?P<g{i}>{'|'.join(cues[k])})" for i, k in enumerate(keys)]
    parts.append(f"(?P<atk>{GENERIC_ATTACK})")
    parts.append(f"(?P<kill>{GENERIC_KILL})")
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    return pat, keys


def lower_pattern(pattern: str) -> str:
    """A regex source with its literal letters lower-cased (escapes such as ``\\S`` kept), to match
    lower-cased text without ``re.IGNORECASE``, which is about three times slower.

    Examples
    --------
    >>> lower_pattern(r"JNIM\\s+\\S")
    'jnim\\\\s+\\\\S'
    """
    out = []
    esc = False
    for ch in pattern:
        out.append(ch if esc else ch.lower())
        esc = (ch == "\\") and not esc
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


#: letters that IGNORECASE matches to an ASCII letter but str.lower() leaves apart (long s, dotless i)
_ODD_CASE = re.compile("[\u017f\u0131]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when matching it without IGNORECASE gives the same result as matching ``text``
    with it (same length, no long s or dotless i), else ``None``.

    Examples
    --------
    >>> lowered("Près de GAO"), lowered("İstanbul")
    ('près de gao', None)
    """
    low = text.lower()
    if len(low) != len(text) or (not low.isascii() and _ODD_CASE.search(low)):
        return None
    return low


_QUANTIFIERS = "?*+{"
#: most characters of regex source copied when a leading group is distributed over what follows it
_COPY_BUDGET = 2000


def _closing(src: str, i: int) -> int:
    """Index of the ``)`` or ``]`` closing the bracket at ``src[i]`` (escapes and classes skipped)."""
    if src[i] == "[":
        j = i + 1
        if src[j:j + 1] == "^":
            j += 1
        if src[j:j + 1] == "]":
            j += 1
        while src[j] != "]":
            j += 2 if src[j] == "\\" else 1
        return j
    depth, j = 0, i
    while True:
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _closing(src, j)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1


def split_alternatives(src: str) -> list[str]:
    """The top-level alternatives of a regex source.

    Examples
    --------
    >>> split_alternatives(r"a(?:b|c)|[|]d|e\\|f")
    ['a(?:b|c)', '[|]d', 'e\\\\|f']
    """
    out, start, j = [], 0, 0
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch in "([":
            j = _closing(src, j)
        elif ch == "|":
            out.append(src[start:j])
            start = j + 1
        j += 1
    out.append(src[start:])
    return out


def _leading(branch: str, depth: int = 0) -> list[tuple[str | None, str]]:
    """``branch`` as ``(first character, rest)`` pairs matching the same strings (a leading group or
    class is distributed: ``(?:a|b)c`` -> ``a``+``c``, ``b``+``c``); ``(None, branch)`` when the first
    character is not a plain literal."""
    other = [(None, branch)]
    if not branch or depth > 8:
        return other
    c = branch[0]
    if c == "[":
        j = _closing(branch, 0)
        content, after = branch[1:j], branch[j + 1:]
        if after[:1] in _QUANTIFIERS and after or any(x in content for x in "\\^-[]"):
            return other
        return [(ch, after) for ch in dict.fromkeys(content)]
    if c == "(":
        if not branch.startswith("(?:"):
            return other
        j = _closing(branch, 0)
        alts, after = split_alternatives(branch[3:j]), branch[j + 1:]
        if after[:1] == "?" and after[1:2] not in ("?", "+"):
            alts, after = alts + [""], after[1:]
        elif after[:1] in _QUANTIFIERS and after:
            return other
        if len(after) * len(alts) <= _COPY_BUDGET:
            return [pair for a in alts for pair in _leading(a + after, depth + 1)]
        # many alternatives before a long tail: grouped by first character, one copy of the tail each
        buckets: dict[str, list[str]] = {}
        direct: list[tuple[str | None, str]] = []
        for a in alts:
            if not a:  # the group is optional: the tail alone
                direct.extend(_leading(after, depth + 1))
                continue
            for c2, rest in _leading(a, depth + 1):
                if c2 is None:
                    return other
                buckets.setdefault(c2, []).append(rest)
        if len(after) * len(buckets) > 4 * _COPY_BUDGET:
            return other  # the copies of what follows would make a much larger, slower pattern
        return [(c2, f"(?:{'|'.join(rests)})" + after) for c2, rests in buckets.items()] + direct
    zw = _ZERO_WIDTH_PREFIX.match(branch)
    if zw and not (branch[zw.end():zw.end() + 1] and branch[zw.end()] in _QUANTIFIERS):
        # a check before the first character (\b, a one-character look-behind): made after it instead
        prefix = zw.group()
        return [(c2, _after_first(prefix, c2) + rest) if c2 is not None else (None, prefix + rest)
                for c2, rest in _leading(branch[zw.end():], depth + 1)]
    if c in "\\.^$|)*+?{" or (branch[1:2] in _QUANTIFIERS and branch[1:2]):
        return other
    return [(c, branch[1:])]


def dispatch_pattern(branches: list[str]) -> str:
    """One alternation matching exactly the strings ``branches`` match (at the same positions), with
    the branches grouped by their first character: the regex engine rejects a position after one
    look at its character instead of trying every branch. It only finds where a match starts; the
    match itself (which branch, named groups) is read with the original pattern at that position.

    Examples
    --------
    >>> dispatch_pattern([r"clash\\w*", r"[ée]meutes?", r"(?:took|seized) control", r"\\w+ mine"])
    '(?:c(?:lash\\\\w*)|é(?:meutes?)|e(?:meutes?)|t(?:ook control)|s(?:eized control)|\\\\w+ mine)'
    """
    buckets: dict[str, list[str]] = {}
    others: list[str] = []
    for b in (alt for branch in branches for alt in split_alternatives(branch)):
        for first, rest in _leading(b):
            if first is None:
                others.append(rest)
            else:
                buckets.setdefault(first, []).append(rest)
    parts = [f"{re.escape(ch)}(?:{'|'.join(rests)})" for ch, rests in buckets.items()] + others
    return "(?:" + "|".join(parts) + ")"


#: a zero-width check at the start of an alternative: ``\\b`` or a one-character look-behind
_ZERO_WIDTH_PREFIX = re.compile(r"\\b|\(\?<[!=](?:\[(?:\\.|[^\]\\])+\]|\\\w)\)")
_WORD_CHAR = re.compile(r"\w")


def _after_first(prefix: str, ch: str) -> str:
    """The check ``prefix`` (made before a character) written after that character ``ch``.

    Examples
    --------
    >>> _after_first(r"\\b", "a"), _after_first(r"\\b", ","), _after_first(r"(?<![\\w.,])", "a")
    ('(?<!\\\\w.)', '(?<=\\\\w.)', '(?<![\\\\w.,].)')
    """
    if prefix == r"\b":
        return r"(?<!\w.)" if _WORD_CHAR.match(ch) else r"(?<=\w.)"
    if not prefix:
        return ""
    return prefix[:-1] + ".)"  # (?<!X) -> (?<!X.): the same look at the character before ``ch``


def _needed_literal(branch: str) -> str:
    """The longest run of plain characters every match of ``branch`` (no top-level ``|``) contains
    ("" when none is known).

    Examples
    --------
    >>> _needed_literal(r"\\w*\\s?mine terrestre"), _needed_literal(r"ab?c(?:de)f"), _needed_literal(r"\\d+")
    ('mine terrestre', 'a', '')
    >>> _needed_literal(r"xab+cd"), _needed_literal(r"a{2,3}bc"), _needed_literal(r"(?:x){1,2}yz")
    ('xab', 'bc', 'yz')
    """
    runs, cur, j = [], "", 0
    n = len(branch)

    def skip_quantifier(k: int) -> int:
        if branch[k:k + 1] == "{":
            k = branch.index("}", k) + 1
        elif branch[k:k + 1] in ("?", "*", "+") and branch[k:k + 1]:
            k += 1
        return k + 1 if branch[k:k + 1] in ("?", "+") and branch[k:k + 1] else k

    while j < n:
        ch = branch[j]
        if ch == "\\" or ch in "([" or ch in ".^$|)*+?{":
            k = j + 2 if ch == "\\" else _closing(branch, j) + 1 if ch in "([" else j + 1
            runs.append(cur)
            cur, j = "", skip_quantifier(k)
            continue
        nxt = branch[j + 1:j + 2]
        if nxt and nxt in "?*{+":
            if nxt == "+":
                cur += ch  # at least one: it ends the run
            runs.append(cur)
            cur, j = "", skip_quantifier(j + 1)
            continue
        cur += ch
        j += 1
    runs.append(cur)
    return max(runs, key=len)


class StartFinder:
    """Where a regex source can match, found fast: its alternatives are grouped by first character
    (see :func:`dispatch_pattern`). With few first characters, a leading ``\\b`` or ``(?<![\\w-])`` is
    checked after that character, so every alternative starts with a literal and the regex engine
    skips, in C, the positions whose character starts none of them. Alternatives that do not start
    with a plain character are searched by a second pattern, only when the text holds a literal
    they all need. ``search`` gives the first position where the
    source matches (-1 when none); :meth:`finditer` reads the matches there with the full pattern.

    Examples
    --------
    >>> f = StartFinder(r"\\b(?:fire|fight)\\b|\\b\\d+ dead")
    >>> f.search("gunfire; the fight left 3 dead"), f.search("the fighting left 3 dead"), f.search("gunfire")
    (13, 18, -1)
    >>> full = re.compile(r"\\b(?:fire|fight)\\w*|\\b\\d+ dead")
    >>> [m.group() for m in StartFinder(full.pattern).finditer(full, "the fighting left 3 dead")]
    ['fighting', '3 dead']
    """

    def __init__(self, src: str) -> None:
        if "(?P=" in src:
            raise ValueError("back-references are not supported")
        src = re.sub(r"\(\?P<\w+>", "(?:", src)  # group names are not needed to find starts
        alts = split_alternatives(src)
        m = _ZERO_WIDTH_PREFIX.match(alts[0])
        prefix = m.group() if m and all(a.startswith(m.group()) for a in alts) else ""
        buckets: dict[str, list[str]] = {}
        others: list[str] = []
        for b in alts:
            for first, rest in _leading(b[len(prefix):]):
                if first is None:
                    others.append(rest)
                else:
                    buckets.setdefault(first, []).append(rest)
        if len(buckets) <= 6:
            # few first characters: the engine jumps from one of them to the next (the prefix is checked after)
            lit = [f"{re.escape(ch)}{_after_first(prefix, ch)}(?:{'|'.join(rests)})" for ch, rests in buckets.items()]
            self.literal = re.compile("(?:" + "|".join(lit) + ")") if lit else None
        else:
            # many: the prefix first (it fails at once inside words), then one look at the character
            lit = [f"{re.escape(ch)}(?:{'|'.join(rests)})" for ch, rests in buckets.items()]
            self.literal = re.compile(prefix + "(?:" + "|".join(lit) + ")") if lit else None
        self.other = re.compile(prefix + "(?:" + "|".join(others) + ")") if others else None
        #: literal texts of which every match of ``other`` contains one (``None``: no such guard)
        needed = [_needed_literal(o) for o in others]
        self.other_needs = needed if others and all(needed) else None
        self._needs = (re.compile("|".join(re.escape(x) for x in sorted(set(needed), key=len, reverse=True)))
                       if self.other_needs else None)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> int:
        end = len(text) if endpos is None else endpos
        a = self.literal.search(text, pos, end) if self.literal is not None else None
        b = self.other.search(text, pos, end) if self.other is not None and self._other_possible(text) else None
        if a is None:
            return b.start() if b is not None else -1
        return a.start() if b is None or a.start() <= b.start() else b.start()

    def finditer(self, full: re.Pattern[str], text: str) -> list[re.Match[str]]:
        """``list(full.finditer(text))``, ``full`` being the pattern this finder was built from."""
        return list(self.iter_matches(full, text))

    def iter_matches(self, full: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """``full.finditer(text)``, lazily: a caller that stops early does not scan the rest."""
        pos, n, given = 0, len(text), 0
        lit_s = self.literal.search if self.literal is not None else None
        oth = self.other.search(text) if self._other_possible(text) else None  # type: ignore[union-attr]
        match = full.match
        while pos <= n:
            a = lit_s(text, pos) if lit_s is not None else None
            if oth is not None and oth.start() < pos:
                oth = self.other.search(text, pos)  # type: ignore[union-attr]
            if a is None and oth is None:
                break
            start = a.start() if oth is None or (a is not None and a.start() <= oth.start()) else oth.start()
            m = match(text, start)
            if m is None:  # cannot happen (same language); kept exact anyway: the plain scan from
                # the start, past what was given already
                for k, m2 in enumerate(full.finditer(text)):
                    if k >= given:
                        yield m2
                return
            given += 1
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def _other_possible(self, text: str) -> bool:
        if self.other is None:
            return False
        return self._needs is None or self._needs.search(text) is not None

    def first(self, full: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
        """``full.search(text, pos)``."""
        start = self.search(text, pos)
        return None if start < 0 else full.match(text, start)


CUE_PATTERN, CUE_KEYS = compile_cues()
#: the same cues for lower-cased text, compiled without IGNORECASE (faster).
CUE_PATTERN_LOWER = re.compile(lower_pattern(CUE_PATTERN.pattern))
#: where cues start in lower-cased text (the same positions as :data:`CUE_PATTERN_LOWER`)
CUE_STARTS = StartFinder(r"(?<![\w-])" + dispatch_pattern(
    [lower_pattern(f) for frags in CUES.values() for f in frags] + [lower_pattern(GENERIC_ATTACK), lower_pattern(GENERIC_KILL)])
    + r"(?![\w])")


def find_cue_matches(low: str) -> list[re.Match[str]]:
    """``list(CUE_PATTERN_LOWER.finditer(low))``, faster: the starts are found with
    :data:`CUE_STARTS`, each match is then read at its start.

    Examples
    --------
    >>> [m.group() for m in find_cue_matches("gunmen attacked the post; clashes followed")]
    ['attacked', 'clashes']
    """
    return CUE_STARTS.finditer(CUE_PATTERN_LOWER, low)
