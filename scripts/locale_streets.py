"""Street-name parts per locale: datagen's lists of common street names and street-type words.

Written by hand (common words and place names, not copyrightable expression). The weights are
datagen's tiered estimate of how common each is, not a measurement: tier values 10 (very common),
3 (common), 1 (less common). The composers in `address.rs` mix these with names drawn from the
locale's surname and first-name tables.
"""

# en_GB: street-type words after a name ("Church Road"), and whole common street names.
GB_TYPES = {"Road": 10, "Street": 10, "Lane": 10, "Avenue": 3, "Close": 10, "Drive": 3,
            "Way": 3, "Gardens": 3, "Crescent": 3, "Place": 3, "Grove": 3, "Court": 3,
            "Terrace": 3, "Hill": 1, "Park": 1, "Green": 1, "Walk": 1, "Row": 1, "Square": 1,
            "Mews": 1, "Rise": 1, "View": 1}
GB_NAMES = {"High Street": 10, "Station Road": 10, "Main Street": 3, "Park Road": 3,
            "Church Road": 3, "Church Street": 3, "London Road": 3, "Victoria Road": 3,
            "Green Lane": 3, "Manor Road": 3, "Church Lane": 3, "Park Avenue": 1,
            "The Avenue": 1, "The Crescent": 1, "Queens Road": 1, "New Road": 1, "Grange Road": 1,
            "Kings Road": 1, "Kingsway": 1, "Windsor Road": 1, "Highfield Road": 1, "Mill Lane": 1,
            "Alexander Road": 1, "York Road": 1, "St John's Road": 1, "Main Road": 1,
            "Broadway": 1, "King Street": 1, "The Green": 1, "Springfield Road": 1,
            "George Street": 1, "Park Lane": 1, "Victoria Street": 1, "Albert Road": 1,
            "Queensway": 1, "New Street": 1, "Queen Street": 1, "West Street": 1,
            "North Street": 1, "Manchester Road": 1}

# de_DE: suffixes joined to a surname ("Goethestraße"), and whole common street names.
DE_TYPES = {"straße": 10, "weg": 3, "allee": 1, "platz": 1, "ring": 1, "gasse": 1}
DE_NAMES = {"Hauptstraße": 10, "Schulstraße": 10, "Gartenstraße": 10, "Bahnhofstraße": 10,
            "Dorfstraße": 10, "Bergstraße": 3, "Birkenweg": 3, "Lindenstraße": 3,
            "Kirchstraße": 3, "Waldstraße": 3, "Ringstraße": 3, "Schillerstraße": 3,
            "Goethestraße": 3, "Wiesenweg": 3, "Amselweg": 3, "Jahnstraße": 1, "Buchenweg": 1,
            "Finkenweg": 1, "Wiesenstraße": 1, "Friedhofstraße": 1, "Mühlenweg": 1,
            "Eichenweg": 1, "Feldstraße": 1, "Mozartstraße": 1, "Rosenstraße": 1,
            "Blumenstraße": 1, "Lindenweg": 1, "Am Sportplatz": 1, "Meisenweg": 1,
            "Poststraße": 1, "Industriestraße": 1, "Beethovenstraße": 1, "Tulpenweg": 1,
            "Parkstraße": 1, "Talstraße": 1, "Mittelstraße": 1, "Kirchweg": 1,
            "Neue Straße": 1, "Marktplatz": 1, "Raiffeisenstraße": 1}

# fr_FR: street types before a name ("rue Victor Hugo"), and whole common street names.
FR_TYPES = {"rue": 10, "avenue": 3, "boulevard": 1, "chemin": 3, "allée": 1, "impasse": 3,
            "place": 1, "route": 1, "quai": 1}
FR_NAMES = {"rue de la Paix": 3, "Grande Rue": 10, "rue de l'Église": 10, "place de l'Église": 3,
            "rue du Moulin": 3, "rue de la Mairie": 3, "rue du Château": 3, "rue des Écoles": 3,
            "rue de la Gare": 3, "rue Victor Hugo": 3, "rue Pasteur": 3, "rue Jean Jaurès": 3,
            "rue de la Fontaine": 3, "rue Principale": 3, "rue du Stade": 1,
            "place de la Mairie": 1, "rue des Jardins": 1, "rue Nationale": 1,
            "rue de la République": 3, "place de la République": 1, "rue du Général de Gaulle": 1,
            "rue des Lilas": 1, "rue du Commerce": 1, "rue de Verdun": 1, "rue Gambetta": 1,
            "avenue de la Libération": 1, "rue des Acacias": 1, "rue Jules Ferry": 1,
            "chemin des Vignes": 1, "avenue Jean Moulin": 1, "rue du Four": 1,
            "rue de la Poste": 1, "rue des Prés": 1, "rue Voltaire": 1}

# es_ES: street types before a name ("Calle de Alcalá"), and whole common street names.
ES_TYPES = {"Calle": 10, "Avenida": 3, "Plaza": 1, "Paseo": 1, "Camino": 1, "Ronda": 1,
            "Travesía": 1, "Carretera": 1}
ES_NAMES = {"Calle Mayor": 10, "Calle Real": 10, "Plaza Mayor": 3, "Calle Nueva": 3,
            "Calle de la Iglesia": 3, "Plaza de España": 3, "Calle Ancha": 1,
            "Calle del Sol": 1, "Calle San José": 3, "Calle San Juan": 1, "Calle Cervantes": 1,
            "Avenida de la Constitución": 1, "Calle de la Fuente": 1, "Calle del Carmen": 1,
            "Calle Castilla": 1, "Calle Real de Arriba": 1, "Calle Santiago": 1,
            "Calle de la Paz": 1, "Calle del Pilar": 1, "Calle del Río": 1,
            "Plaza de la Constitución": 1, "Calle Goya": 1, "Calle de Alcalá": 1,
            "Avenida de Andalucía": 1, "Calle Barcelona": 1, "Calle Toledo": 1,
            "Calle Las Eras": 1, "Calle Estación": 1, "Calle del Mar": 1, "Calle Sevilla": 1}

# it_IT: street types before a name ("Via Garibaldi"), and whole common street names.
IT_TYPES = {"Via": 10, "Viale": 3, "Piazza": 1, "Corso": 1, "Vicolo": 1, "Largo": 1,
            "Strada": 1}
IT_NAMES = {"Via Roma": 10, "Via Garibaldi": 10, "Via Giuseppe Mazzini": 3, "Via Marconi": 3,
            "Via Vittorio Emanuele II": 3, "Via Dante Alighieri": 3, "Via Cavour": 3,
            "Piazza Garibaldi": 1, "Via Giacomo Matteotti": 3, "Via Verdi": 1,
            "Via IV Novembre": 1, "Via XX Settembre": 1, "Via Nazionale": 1,
            "Via della Repubblica": 1, "Via Alessandro Manzoni": 1, "Via Roma Vecchia": 1,
            "Via Antonio Gramsci": 1, "Piazza del Popolo": 1, "Corso Italia": 1,
            "Via della Libertà": 1, "Via San Francesco": 1, "Via Trento": 1, "Via Trieste": 1,
            "Via Milano": 1, "Via Kennedy": 1, "Piazza Duomo": 1, "Via Pascoli": 1,
            "Via Leopardi": 1, "Via Umberto I": 1, "Via della Stazione": 1}

# pt_BR: street types before a name ("Rua das Flores"), and whole common street names.
BR_TYPES = {"Rua": 10, "Avenida": 3, "Travessa": 1, "Praça": 1, "Alameda": 1, "Estrada": 1,
            "Rodovia": 1, "Largo": 1}
BR_NAMES = {"Rua São José": 3, "Rua Sete de Setembro": 3, "Rua Quinze de Novembro": 3,
            "Rua Tiradentes": 3, "Rua das Flores": 3, "Avenida Brasil": 3,
            "Rua Santos Dumont": 3, "Rua Rui Barbosa": 3, "Rua Duque de Caxias": 3,
            "Avenida Getúlio Vargas": 3, "Rua Dom Pedro II": 1, "Rua São Paulo": 1,
            "Rua Bahia": 1, "Rua Minas Gerais": 1, "Rua Castro Alves": 1,
            "Rua Marechal Deodoro": 1, "Rua Floriano Peixoto": 1, "Rua Treze de Maio": 1,
            "Praça da Matriz": 1, "Rua Primeiro de Maio": 1, "Avenida Independência": 1,
            "Rua José Bonifácio": 1, "Rua Santo Antônio": 1, "Rua da Paz": 1,
            "Avenida Paulista": 1, "Rua Amazonas": 1, "Rua Bela Vista": 1, "Rua Boa Vista": 1}

# nl_NL: suffixes joined to a name ("Julianastraat"), and whole common street names.
NL_TYPES = {"straat": 10, "laan": 3, "weg": 3, "plein": 1, "hof": 1, "singel": 1, "dreef": 1,
            "pad": 1, "kade": 1}
NL_NAMES = {"Kerkstraat": 10, "Schoolstraat": 10, "Molenstraat": 3, "Dorpsstraat": 10,
            "Molenweg": 3, "Julianastraat": 3, "Nieuwstraat": 3, "Wilhelminastraat": 3,
            "Kastanjelaan": 3, "Beatrixstraat": 3, "Industrieweg": 3, "Stationsstraat": 3,
            "Eikenlaan": 1, "Lindelaan": 1, "Parallelweg": 1, "Stationsweg": 1, "Markt": 1,
            "Kerkweg": 1, "Emmastraat": 1, "Oranjestraat": 1, "Prins Bernhardstraat": 1,
            "Irenestraat": 1, "Sportlaan": 1, "Hoofdstraat": 1, "Beukenlaan": 1, "Kerkplein": 1,
            "Julianalaan": 1, "Dorpstraat": 1, "Vijverweg": 1, "Brink": 1}

# zh_CN: common street names (a street type is part of each name).
CN_NAMES = {"人民路": 10, "解放路": 10, "中山路": 10, "建设路": 10, "和平路": 3, "新华路": 3,
            "胜利路": 3, "文化路": 3, "长江路": 3, "黄河路": 3, "东风路": 3, "青年路": 3,
            "北京路": 3, "南京路": 3, "上海路": 1, "友谊路": 1, "团结路": 1, "工业路": 1,
            "健康路": 1, "光明路": 1, "朝阳路": 1, "幸福路": 1, "学府路": 1, "迎宾路": 1,
            "滨江路": 1, "花园路": 1, "新建路": 1, "市府路": 1, "红旗路": 1, "建国路": 1,
            "复兴路": 1, "环城路": 1, "中华路": 1, "延安路": 1, "新民街": 1, "正阳街": 1,
            "和平街": 1, "北大街": 1, "南大街": 1, "东大街": 1, "西大街": 1}
CN_TYPES = {"路": 10, "街": 3, "大道": 1}

STREETS = {
    "en_GB": (GB_NAMES, GB_TYPES), "de_DE": (DE_NAMES, DE_TYPES), "fr_FR": (FR_NAMES, FR_TYPES),
    "es_ES": (ES_NAMES, ES_TYPES), "it_IT": (IT_NAMES, IT_TYPES), "pt_BR": (BR_NAMES, BR_TYPES),
    "nl_NL": (NL_NAMES, NL_TYPES), "zh_CN": (CN_NAMES, CN_TYPES),
}
