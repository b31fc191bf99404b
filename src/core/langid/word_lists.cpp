// Function words and very common short words of en, de, es, fr, it, pt, nl.
//
// How these lists were made: written by hand, for this project, from the
// authors' own knowledge of the seven languages (their grammar: articles,
// pronouns, prepositions and their contractions, conjunctions, auxiliary and
// modal verb forms, common adverbs, numerals, greetings and everyday words
// of speech and social media). They were NOT copied or derived from any
// corpus, frequency list, data set or other software; the development sets
// in ../shared/data were used only to measure accuracy (tools/langid_eval),
// never as a source of words. The split into `top` and `common` is the
// authors' judgement of frequency, not a measured ranking.
//
// A word may (and often does) appear in several languages' lists: "de" is
// Spanish, French, Portuguese and Dutch. The re-ranker scores every list a
// word is in, so shared words weigh little and distinctive ones decide.
#include "core/langid/word_lists.h"

namespace textsense::langid {

namespace {

const WordList kEnglish = {
    // top
    "the of and to a in is it that was for on are with as i be at by this have from or not "
    "but you he she we they his her my your our their an what all were been has had will "
    "would there which do does did can if so no me him them us it's i'm don't",
    // common
    "about after again against also always am another any anything around because before "
    "being between both could couldn't didn't doesn't down during each either even ever every "
    "everyone everything few first get gets getting go goes going gone got great good "
    "here how however into its itself just know last less let's like little lot made make "
    "many may maybe me might mine more most much must myself never new next nothing now "
    "off often old once one only other others ours out over own people please really right "
    "said same say says see should shouldn't since some someone something still such sure "
    "than thank thanks that's then these thing things think those though through time today "
    "together too two under until up upon very want wants was wasn't way well went what's "
    "when where while who whom whose why with without won't wouldn't yes yet you're you've "
    "you'll i've i'll i'd he's she's we're they're there's isn't aren't can't haven't hasn't "
    "weren't year years back day love lol via tonight tomorrow yesterday watch new news "
    "best better look looking need needs should who's let been being everybody anyone "
    "himself herself themselves yourself ourselves these those this that's among across "
    "along behind below beside beyond inside outside near toward towards within "
    "the three four five six seven eight nine ten hundred thousand million "
    "first second third last least already almost enough quite rather yeah oh hey ok okay "
    // Everyday content words: nouns, verbs and adjectives of speech, mail
    // and reviews that English writes and the others do not.
    "welcome excellent awesome amazing beautiful nice happy sorry thank thanks please regards "
    "dear friend friends family home house work works worked working job team meeting office "
    "business company market price prices service staff room food place places call called "
    "email mail send sent attached file files link group groups question questions issue "
    "problem change deal report free week month morning night weekend happen happened "
    "want wanted need needed think thought feel felt try tried keep kept take took give gave "
    "find found tell told ask asked use used come came make made bring brought buy bought "
    "pay paid meet read write wrote leave left stop start started open close closed stay "
    "wait walk talk talked play run help believe understand remember hope wish guess "
    "should shall get got gets doing done having saying said says goes seems seemed looks "
    "world country city state government public school student children kids man men woman "
    "women guy guys girl boy baby water money car phone game movie music book story "
    "big small long short high low old young early late easy hard real true false sure "
    "important different available possible whole full half several enough",
};

const WordList kGerman = {
    // top
    "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch "
    "es an werden aus er hat dass daß sie nach wird bei einer um am sind noch wie einem über "
    "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde ich wir",
    // common
    "du ihr mich mir dich dir uns euch ihm ihn ihnen ihre ihrer ihren ihrem ihres seine "
    "seiner seinen seinem seines mein meine meiner meinen meinem dein deine deinen unser "
    "unsere unseren euer eure kein keine keinen keiner keinem dieser diese dieses diesen "
    "diesem jener jene welche welcher welches welchen alle allen aller alles jeder jede "
    "jedes jeden jedem viel viele vielen wenig schon sehr immer wieder hier dort da dann "
    "denn doch ja nein nie nichts etwas gegen ohne unter zwischen seit während wegen trotz "
    "hinter neben wo wann warum weil wenn ob obwohl damit sondern bereits jetzt heute "
    "gestern morgen gibt gab geht ging kann könnte konnte muss musste müssen soll sollte "
    "sollen will wollte wollen darf mag möchte wäre würde würden hatte hatten habe hast "
    "bin bist seid waren gewesen worden zwei drei vier fünf zehn erste ersten neue neuen "
    "neuer große großen gut gute guten mal nun also zwar eben einmal ganz gerade selbst "
    "beim vom ins wer was wen wem dessen deren denen dies sowie jedoch allerdings deshalb "
    "daher dabei dazu davon darauf darin dafür danach außerdem etwa rund fast kaum "
    "eigentlich wirklich natürlich vielleicht bitte danke gerne leider anderen andere "
    "jahr jahre jahren zeit herr frau leute menschen kinder seite heißt sagte sagt gehen "
    "machen macht gemacht geben kommen kommt kam sehen sieht lassen steht stehen liegt "
    "neu alt klein kleine groß lange später zurück heraus hinaus oben unten links rechts "
    "innerhalb außerhalb gegenüber laut ab zusammen weiter weitere weiteren ebenfalls "
    "sogar schnell genau toll schön schade geil echt mehr einfach ganz deutschland",
};

const WordList kSpanish = {
    // top
    "de la que el en y a los se del las un por con no una su para es al lo como más pero "
    "sus le ha me si sin sobre este ya entre cuando todo esta ser son también fue había era "
    "muy hasta desde está mi porque qué yo hay",
    // common
    "o sólo solo han vez puede todos así nos ni parte tiene él uno donde bien tiempo mismo "
    "ese ahora cada e vida otro después te otros aunque esa eso hace otra tan durante "
    "siempre día tanto ella tres sí dijo sido gran país según menos año años antes estado "
    "contra sino forma caso nada hacer estaba poco estos unos les algo hacia casa ellos "
    "ayer hecho primera mucho mientras además quien momento esto hombre están pues hoy "
    "lugar mejor nuevo decir algunos entonces todas días debe cómo casi toda tal luego "
    "primer medio va estas sea tenía nunca poder aquí ver veces embargo personas pueden "
    "tienen misma nueva cual fueron mujer tras cosas fin ciudad he manera tener será "
    "muchos dentro nuestro dice ello cualquier aún haber fuera bajo grandes nuestra "
    "usted hizo nadie posible tarde mí tu allí eran estar gente través último mis modo "
    "todavía esos nosotros muchas alguna dar da tú verdad podría sería junto aquel "
    "cuanto cosa algún tuvo semana voy tengo estoy eres estás gracias hola bueno buena "
    "buen mucha ellas nuestros nuestras suyo suya cuál dónde quién cuándo cuánto pues "
    "vamos ahí acá así quiero quieres hace hacen hizo gusta gustan desde hacia mediante "
    "ante tras excepto cerca lejos arriba abajo adelante atrás encima debajo detrás "
    "delante mañana noche tarde hoy ayer siempre jamás también tampoco quizá quizás "
    "además sino ni aunque mientras pero dos cuatro cinco seis siete ocho nueve diez "
    "cien mil millones primero segundo tercero oh ah ay eh oye "
    // Words of everyday speech.
    "vale claro mira venga perdón siento mamá papá hijo hija señor señora amigo amiga "
    "dinero trabajo favor gusto quiere puedo sabes sé creo necesito tienes vale",
};

const WordList kFrench = {
    // top
    "de la le et les des en un du une que est pour qui dans à a par plus pas au sur ne se "
    "il elle ce sont avec ou mais on nous vous ils elles son sa ses été je l' d' qu' n' s' "
    "c' j'",
    // common
    "cette leur leurs aux y tout tous toute toutes comme être avoir fait faire très "
    "bien aussi deux autre autres même encore sans entre sous après avant depuis "
    "pendant lors chez contre vers selon donc alors car si quand comment pourquoi où "
    "quoi dont lui eux moi toi me te m' t' mon ma mes ton ta tes notre nos votre vos "
    "ceux celle celles celui ces cet ici là déjà toujours jamais rien personne "
    "peu beaucoup trop moins tant puis ensuite enfin aujourd'hui hier demain ans "
    "an année années fois jour jours temps monde vie homme femme gens pays ville "
    "était étaient sera seront serait avait avaient aura ai as avons avez ont suis es "
    "sommes êtes fut peut peuvent pouvait doit doivent faut veut voulait dit dire "
    "va vais vont allait aller voir vu pris prendre mettre donner donne trois quatre "
    "cinq six dix cent mille premier première dernier dernière grand grande grands "
    "petit petite nouveau nouvelle bon bonne mauvais oui non merci bonjour salut "
    "voilà voici chaque plusieurs quelques quelque certains certaines aucun aucune "
    "ainsi cependant pourtant puisque lorsque jusqu' jusqu'à lorsqu' puisqu' "
    "parce afin tandis ceci cela ça celui-ci quel quelle quels quelles "
    "moi-même soi leur environ près loin dessus dessous derrière devant "
    "vraiment trop assez tellement surtout notamment également seulement plutôt "
    "chose choses rien tout-à-fait c'est n'est qu'il qu'elle j'ai il y d'un d'une "
    "l'on fait font faisait sont sommes parce nom commune région ville pays",
};

const WordList kItalian = {
    // top
    "di e il la che è a per un in non una del della le si con i da mi ti ci lo gli sono "
    "ho ha al ma come più io tu cosa se l' anche questo era",
    // common
    "dei delle degli dello al alla alle allo agli ai dal dalla dalle dai dagli nel "
    "nella nelle nei negli nello sul sulla sulle sui sugli col un' dell' all' nell' "
    "sull' dall' quest' quell' c' po' lui lei noi voi loro me te sé mio mia miei mie tuo "
    "tua tuoi tue suo sua suoi sue nostro nostra vostro vostra quello quella quelli "
    "quelle questa questi queste chi cui dove quando perché perchè quanto quale quali "
    "così poi già ancora sempre mai qui qua là lì molto tanto troppo poco tutto tutti "
    "tutta tutte niente nulla qualcosa qualcuno nessuno ogni altro altra altri altre "
    "stesso stessa bene male meglio peggio sì no grazie prego ciao buongiorno "
    "buonasera scusa scusi va vai vado andiamo andare fare fatto fa faccio fai "
    "sei siamo siete erano ero eri stato stata stati essere avere hai abbiamo avete "
    "hanno aveva avevo avere può posso puoi possiamo devo deve devi dobbiamo vuoi "
    "voglio vuole volevo sa so sai detto dire dice dico visto vedere vedi guarda "
    "sarà sarebbe sarei avrei avrà stai sto sta stiamo stanno ecco allora adesso "
    "ora oggi ieri domani anno anni giorno giorni volta volte tempo vita casa uomo "
    "donna signore signora ragazzo ragazza amico amici bello bella grande piccolo "
    "nuovo nuova primo prima dopo senza sopra sotto dentro fuori verso tra fra "
    "contro presso oppure però quindi infatti invece mentre perciò dunque pure "
    "neanche nemmeno neppure proprio davvero forse solo soltanto tre quattro "
    "cinque dieci cento mille due dio cazzo oddio vero certo esatto basta "
    "andate vieni viene vengo dai dammi dimmi fammi sentito capito oh eh ehi beh boh mah "
    "e' be' su giù mica tipo ce ne si' ci' cioè "
    // Words of everyday speech.
    "aspetta senti sento penso credo dimmi guarda capisco dispiace piace facciamo "
    "possiamo sapere subito presto tardi mamma papà amore caro cara signor ragazzi "
    "momento madre padre fratello sorella figlio figlia bravo brava calma forza avanti "
    "insieme stupido scherzo davvero andato andata fatto bisogno lavoro soldi tesoro merda "
    "nessun nessuna qualche alcun ciascun d' dov' cos' com' quand' ch'",
};

const WordList kPortuguese = {
    // top
    "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi "
    "ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela",
    // common
    "até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão "
    "você tinha foram essa num nem suas meu às minha têm numa pelos elas havia seja "
    "qual será nós tenho lhe deles essas esses pelas este fosse dele tu te vocês vos "
    "lhes meus minhas teu tua teus tuas nosso nossa nossos nossas dela delas esta "
    "estes estas aquele aquela aqueles aquelas isto aquilo estou está estamos estava "
    "estavam estive esteve esteja estar sou somos são fui fomos eram seria seriam "
    "tenho tem temos têm tinha tive teve tido ter hei há havia houve haver faz fazer "
    "feito fez vai vou vamos ir foi ido pode podem poder posso pôde deve devem "
    "quero quer queria dizer disse diz ver vi viu dar deu dá sim não obrigado "
    "obrigada olá oi bom boa bem mal melhor pior muito muita muitos muitas pouco "
    "pouca todo toda todos todas tudo nada algo alguém ninguém cada outro outra "
    "outros outras mesmo mesma onde aqui ali lá aí agora hoje ontem amanhã sempre "
    "nunca ainda então porque porquê pois logo assim contudo porém embora enquanto "
    "sobre sob desde contra durante perante após ante através dois duas três quatro "
    "cinco dez cem mil milhões primeiro primeira ano anos dia dias vez vezes tempo "
    "vida casa homem mulher gente pessoas coisa coisas grande grandes novo nova "
    "brasil governo presidente segundo pelo pela pelos pelas num numa dum duma "
    "neste nesta nesse nessa naquele daquele deste desta desse dessa disso disto "
    "nisso nisto daqui dali apenas tão tanto quanto quase cerca além bastante "
    "também aliás afinal ninguém vc pq tô tá né oh ah ai",
};

const WordList kDutch = {
    // top
    "de het een en van in is dat op te zijn niet met voor die er aan ook als was maar om "
    "bij hij ze zich nog wat door naar uit al dan wordt werd worden heeft hebben of ik "
    "we wij je",
    // common
    "u jij jullie zij hem haar hun mij me mijn jouw jou ons onze uw hen deze dit die "
    "dat welke wie waar wanneer waarom hoe hoeveel geen niets iets iemand niemand alles "
    "alle elk elke veel weinig meer meest minder zeer heel erg echt wel toch nu toen "
    "later straks vandaag gisteren morgen altijd nooit soms vaak hier daar ergens "
    "overal omdat want dus maar doch hoewel terwijl totdat zodat tot sinds tussen "
    "tegen zonder onder boven achter naast langs over na binnen buiten volgens "
    "tijdens vanaf vanuit rond rondom zal zullen zou zouden kan kunnen kon konden moet "
    "moeten moest wil willen wilde mag mogen mocht ben bent waren geweest had hadden "
    "gaat gaan ging gingen komt komen kwam doet doen deed gedaan zegt zeggen zei "
    "gezegd ziet zien zag gezien staat staan stond ligt liggen maakt maken gemaakt "
    "krijgt krijgen kreeg laat laten weet weten twee drie vier vijf zes zeven acht "
    "negen tien honderd duizend eerste tweede nieuwe nieuw oude oud grote groot "
    "kleine klein goed goede beter best jaar jaren dag dagen keer tijd mensen "
    "mens man vrouw kinderen kind land stad huis leven ja nee dank bedankt hallo "
    "misschien natuurlijk zelfs alleen samen verder weer eigen zelf ieder iedere "
    "iedereen daarom daarna daarbij daarmee daarvan daarin hierin hiervan waarin "
    "waarvan waarbij waarmee erin ervan erop eruit ermee erover "
    "zo zoals even eens hele gewoon nou hè na af mee toe heen terug "
    "'t m'n z'n d'r",
};

}  // namespace

const WordList& word_list(MainLanguage language) {
  static const WordList* const kLists[kMainLanguageCount] = {
      &kEnglish, &kGerman, &kSpanish, &kFrench, &kItalian, &kPortuguese, &kDutch};
  return *kLists[language];
}

}  // namespace textsense::langid
