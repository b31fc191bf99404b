// The English sample texts of sample_texts.h translated by hand (for this
// project) into each shipped sentiment language, so that texts/s compare
// the same content across languages.
#pragma once

namespace textsense::bench {

struct LanguageSample {
  const char* code;
  const char* tweet;
  const char* paragraph;
};

inline const LanguageSample kLanguageSamples[] = {
    {"es",
     "¡¡Acabo de recibir mi teléfono nuevo y la batería es increíble!! No me creo que solo cueste "
     "299 $ @tienda #feliz",
     "Nos alojamos tres noches en el hotel en octubre. La habitación era amplia y limpia, y la cama "
     "muy cómoda, pero el aire acondicionado no funcionaba bien y el ruido de la calle no nos dejaba "
     "dormir. El desayuno fue excelente: fruta fresca, buen café y un personal amable. La ubicación "
     "es perfecta para recorrer el casco antiguo, a unos 5 minutos de la estación. ¿Volveríamos? "
     "Probablemente sí, si arreglan el aire. En general, una buena experiencia por el precio."},
    {"fr",
     "Je viens de recevoir mon nouveau téléphone et la batterie est incroyable !! J'ai du mal à "
     "croire qu'il ne coûte que 299 $ @boutique #content",
     "Nous avons passé trois nuits à l'hôtel en octobre. La chambre était spacieuse et propre, et le "
     "lit très confortable, mais la climatisation ne marchait pas bien et le bruit de la rue nous a "
     "empêchés de dormir. Le petit-déjeuner était excellent : fruits frais, bon café et personnel "
     "aimable. L'emplacement est parfait pour visiter la vieille ville, à environ 5 minutes de la "
     "gare. Y retournerions-nous ? Probablement oui, s'ils réparent la clim. Dans l'ensemble, une "
     "bonne expérience pour le prix."},
    {"de",
     "Habe gerade mein neues Handy bekommen und der Akku ist der Wahnsinn!! Kaum zu glauben, dass "
     "es nur 299 $ kostet @shop #glücklich",
     "Wir waren im Oktober drei Nächte im Hotel. Das Zimmer war geräumig und sauber und das Bett "
     "sehr bequem, aber die Klimaanlage funktionierte nicht richtig und der Straßenlärm hielt uns "
     "wach. Das Frühstück war ausgezeichnet: frisches Obst, guter Kaffee und freundliches Personal. "
     "Die Lage ist perfekt, um die Altstadt zu erkunden, etwa 5 Minuten vom Bahnhof. Würden wir "
     "wieder hier übernachten? Wahrscheinlich ja, wenn sie die Klimaanlage reparieren. Insgesamt "
     "eine gute Erfahrung für den Preis."},
    {"it",
     "Ho appena ricevuto il mio nuovo telefono e la batteria è fantastica!! Non ci credo che costi "
     "solo 299 $ @negozio #felice",
     "Abbiamo soggiornato tre notti in hotel a ottobre. La camera era spaziosa e pulita, e il letto "
     "molto comodo, ma l'aria condizionata non funzionava bene e il rumore della strada ci teneva "
     "svegli. La colazione era ottima: frutta fresca, buon caffè e personale gentile. La posizione è "
     "perfetta per esplorare il centro storico, a circa 5 minuti dalla stazione. Ci torneremmo? "
     "Probabilmente sì, se sistemano l'aria condizionata. Nel complesso una buona esperienza per il "
     "prezzo."},
    {"pt",
     "Acabei de receber meu celular novo e a bateria é incrível!! Nem acredito que custa só 299 $ "
     "@loja #feliz",
     "Ficamos três noites no hotel em outubro. O quarto era espaçoso e limpo, e a cama muito "
     "confortável, mas o ar-condicionado não funcionava bem e o barulho da rua não nos deixava "
     "dormir. O café da manhã foi excelente: frutas frescas, café bom e funcionários simpáticos. A "
     "localização é perfeita para explorar a cidade velha, a uns 5 minutos da estação. Voltaríamos? "
     "Provavelmente sim, se consertarem o ar. No geral, uma boa experiência pelo preço."},
    {"nl",
     "Net mijn nieuwe telefoon binnen en de batterij is geweldig!! Niet te geloven dat hij maar 299 "
     "$ kost @winkel #blij",
     "We verbleven in oktober drie nachten in het hotel. De kamer was ruim en schoon, en het bed was "
     "erg comfortabel, maar de airco werkte niet goed en het straatlawaai hield ons wakker. Het "
     "ontbijt was uitstekend: vers fruit, goede koffie en vriendelijk personeel. De ligging is "
     "perfect om de oude stad te verkennen, ongeveer 5 minuten van het station. Zouden we terugkomen? "
     "Waarschijnlijk wel, als ze de airco repareren. Al met al een goede ervaring voor de prijs."},
    {"ru",
     "Только что получил новый телефон, и батарея просто потрясающая!! Не верится, что он стоит "
     "всего 299 $ @магазин #счастлив",
     "Мы провели в отеле три ночи в октябре. Номер был просторным и чистым, а кровать очень удобной, "
     "но кондиционер работал плохо, и шум с улицы не давал нам спать. Завтрак был отличным: свежие "
     "фрукты, хороший кофе и приветливый персонал. Расположение идеально для прогулок по старому "
     "городу, примерно 5 минут от вокзала. Остановились бы мы здесь снова? Наверное, да, если "
     "починят кондиционер. В целом хороший опыт за такую цену."},
    {"ar", "وصلني هاتفي الجديد للتو والبطارية مذهلة!! لا أصدق أن سعره 299 $ فقط @متجر #سعيد",
     "أقمنا ثلاث ليال في الفندق في أكتوبر. كانت الغرفة واسعة ونظيفة والسرير مريحا جدا، لكن المكيف لم "
     "يكن يعمل جيدا وضجيج الشارع أبقانا مستيقظين. كان الفطور ممتازا: فواكه طازجة وقهوة جيدة وموظفون "
     "ودودون. الموقع مثالي لاستكشاف المدينة القديمة، على بعد 5 دقائق تقريبا من المحطة. هل سنعود؟ "
     "على الأرجح نعم، إذا أصلحوا المكيف. بشكل عام تجربة جيدة مقابل السعر."},
    {"zh", "刚拿到新手机，电池续航太棒了！！真不敢相信只要299美元 @商店 #开心",
     "我们十月在这家酒店住了三晚。房间宽敞干净，床也很舒服，但是空调不太好用，街上的噪音让我们睡不着。"
     "早餐非常好：新鲜水果、好喝的咖啡，服务员也很友好。位置很适合游览老城，离车站大约5分钟。"
     "我们还会再来吗？如果他们修好空调，大概会吧。总的来说，这个价格体验不错。"},
    {"ja",
     "新しいスマホが届いたけど、バッテリーの持ちが最高！！たった299ドルなんて信じられない @ショップ #嬉しい",
     "10月にこのホテルに3泊しました。部屋は広くて清潔で、ベッドもとても快適でしたが、エアコンの効きが"
     "悪く、通りの騒音で眠れませんでした。朝食は素晴らしかったです。新鮮な果物、美味しいコーヒー、"
     "親切なスタッフ。旧市街を観光するには最高の立地で、駅から5分ほどです。また泊まるか？"
     "エアコンを直してくれたら、たぶん泊まります。全体的に、値段の割には良い体験でした。"},
};

}  // namespace textsense::bench
